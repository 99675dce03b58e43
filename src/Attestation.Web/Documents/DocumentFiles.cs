using System.Text;

namespace Attestation.Web.Documents;

/// <summary>
/// The HTML of a document on its way to Chromium: a file in a directory of this process's own among the machine's
/// temporary files (readable by its user only: the documents carry personal data), read by the browser and deleted as
/// soon as the page has loaded. The directory goes when the process ends.
/// </summary>
internal static class DocumentFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly Lazy<(string Path, string Url)> Folder = new(() =>
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "attestation-documents-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(() => Directory.Delete(path, recursive: true));
        return (path, new Uri(System.IO.Path.Combine(path, "x")).AbsoluteUri[..^1]);
    });

    /// <summary>Writes <paramref name="html"/> to a new file and returns its <c>file:</c> address.</summary>
    public static Uri Write(string html)
    {
        var path = System.IO.Path.Combine(Folder.Value.Path, Guid.NewGuid().ToString("N") + ".html");
        File.WriteAllText(path, html, Utf8);
        return new Uri(path);
    }

    public static void Delete(Uri file) => TryDelete(() => File.Delete(file.LocalPath));

    /// <summary>Whether the browser asks for one of the documents written here (the only files it may read).</summary>
    public static bool IsDocument(string url) =>
        Folder.IsValueCreated && url.StartsWith(Folder.Value.Url, StringComparison.Ordinal);

    /// <summary>The files waiting for the browser now (none once every print has loaded its page).</summary>
    internal static IReadOnlyList<string> Pending() =>
        Folder.IsValueCreated ? Directory.GetFiles(Folder.Value.Path) : [];

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (IOException)
        {
            // Left for the machine's clean-up of temporary files: nothing reads it any more.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
