namespace Attestation.Domain.Applications;

/// <summary>«Форма аттестации». Values are stored; do not renumber.</summary>
public enum AttestationForm
{
    /// <summary>«очно».</summary>
    InPerson = 0,

    /// <summary>«дистанционно»: the results and two lesson recordings are studied online.</summary>
    Distance = 1,
}
