namespace Attestation.Web.Authorization;

/// <summary>The five roles of the portal; an account holds exactly one.</summary>
public static class Roles
{
    public const string Teacher = "Teacher";
    public const string SchoolCoordinator = "SchoolCoordinator";
    public const string MunicipalCoordinator = "MunicipalCoordinator";
    public const string Expert = "Expert";
    public const string Operator = "Operator";

    public static readonly IReadOnlyList<string> All =
        [Teacher, SchoolCoordinator, MunicipalCoordinator, Expert, Operator];

    /// <summary>The role as the users name it.</summary>
    public static string DisplayName(string role) => role switch
    {
        Teacher => "Педагогический работник",
        SchoolCoordinator => "Координатор по аттестации в ОО",
        MunicipalCoordinator => "Координатор по аттестации по муниципальному образованию",
        Expert => "Специалист по аттестации",
        Operator => "Оператор",
        _ => role,
    };

    /// <summary>The area (and so the home page) that belongs to a role.</summary>
    public static string Area(string role) => role switch
    {
        Teacher => AreaNames.Teacher,
        SchoolCoordinator => AreaNames.School,
        MunicipalCoordinator => AreaNames.Municipality,
        Expert => AreaNames.Expert,
        Operator => AreaNames.Operator,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };
}

/// <summary>Area names; each area is guarded by the policy of the same name.</summary>
public static class AreaNames
{
    public const string Teacher = "Teacher";
    public const string School = "School";
    public const string Municipality = "Municipality";
    public const string Expert = "Expert";
    public const string Operator = "Operator";
}

/// <summary>One authorization policy per area.</summary>
public static class Policies
{
    public const string Teacher = AreaNames.Teacher;
    public const string School = AreaNames.School;
    public const string Municipality = AreaNames.Municipality;
    public const string Expert = AreaNames.Expert;
    public const string Operator = AreaNames.Operator;
}
