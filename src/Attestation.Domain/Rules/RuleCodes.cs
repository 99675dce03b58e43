namespace Attestation.Domain.Rules;

public static class RuleCodes
{
    public const string HighestRequiresPrior = "highest-requires-prior";
    public const string NewCategoryRequiresHighest = "new-category-requires-highest";
    public const string PetitionRequired = "petition-required";
    public const string MethodistPositionCannotClaimMethodist = "methodist-position-cannot-claim-methodist";
    public const string ReapplicationWithinYearAfterRefusal = "reapplication-within-year-after-refusal";
    public const string AnotherOpenApplication = "another-open-application";
    public const string LegacyCategoryExpired = "legacy-category-expired";
    public const string LegacyCategoryExpiring = "legacy-category-expiring";
    public const string VocationalPositionOutsideVocationalEducation = "vocational-position-outside-vocational-education";
    public const string ExpertFromOwnOrganisation = "expert-from-own-organisation";
    public const string PeriodExceedsAttestationLimit = "period-exceeds-attestation-limit";
}
