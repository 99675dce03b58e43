namespace Attestation.Domain;

/// <summary>
/// A rule of the procedure forbids the requested action. The message is Russian and is shown to the user as-is.
/// </summary>
public class DomainException : Exception
{
    public DomainException()
        : base("Действие не допускается.")
    {
    }

    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
