using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Microsoft.AspNetCore.Hosting;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Teacher;

/// <summary>The portal with the upload limit (Uploads:MaxBytes) set to 4 КБ, so that an oversized file is small to make.</summary>
public sealed class PortalWithSmallUploadsFactory : PortalWithDirectoryFactory
{
    public const int MaxBytes = 4096;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class UploadLimitTests(PortalWithSmallUploadsFactory factory) : IClassFixture<PortalWithSmallUploadsFactory>
{
    private readonly TeacherCabinet _cabinet = new(factory);

    [Fact]
    public async Task A_file_over_the_configured_limit_is_refused_and_nothing_typed_is_lost()
    {
        await _cabinet.CreateTeacherAsync("limit.over");
        using var client = await factory.SignInAsync("limit.over");
        var id = await SaveDraftAsync(client, CompleteForm());
        var files = await _cabinet.StoredFileCountAsync();

        using var response = await UploadAsync(client, id, ApplicationDocumentKind.SignedApplication, "скан.pdf",
            SampleFiles.PdfOfLength(PortalWithSmallUploadsFactory.MaxBytes + 1),
            new Dictionary<string, string> { ["Input.Awards"] = "Грамота" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Файл больше 4 КБ.", page.FieldError("Upload"));
        Assert.Equal("Грамота", page.FieldValue("Input.Awards"));
        Assert.Equal("2005", page.FieldValue("Input.EducationYear"));
        var after = await _cabinet.LoadAsync(id);
        Assert.Empty(after.Documents);
        Assert.Null(after.Awards);
        Assert.Equal(files, await _cabinet.StoredFileCountAsync());
    }

    [Fact]
    public async Task A_file_of_exactly_the_limit_is_accepted()
    {
        await _cabinet.CreateTeacherAsync("limit.exact");
        using var client = await factory.SignInAsync("limit.exact");
        var id = await SaveDraftAsync(client, CompleteForm());

        await AttachAsync(client, id, ApplicationDocumentKind.SignedApplication, "скан.pdf",
            SampleFiles.PdfOfLength(PortalWithSmallUploadsFactory.MaxBytes));

        Assert.Single((await _cabinet.LoadAsync(id)).Documents);
    }
}
