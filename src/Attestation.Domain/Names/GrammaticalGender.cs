namespace Attestation.Domain.Names;

/// <summary>Which endings a name and the text about its bearer take: «ознакомлен» / «ознакомлена», «Шевчука» / «Шевчук».</summary>
public enum GrammaticalGender
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}
