namespace Attestation.Web.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Where the portal keeps local working files (mail pickup folder, logs). Relative to the content root.</summary>
    public string DataDirectory { get; set; } = ".data";

    public string ResolveDataDirectory(string contentRoot) => Path.GetFullPath(DataDirectory, contentRoot);
}
