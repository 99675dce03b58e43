using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Tests.Teacher;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Security;

/// <summary>The portal on a real Kestrel, whose own limit on a request body (30 000 000 bytes) is in force.</summary>
public sealed class KestrelPortalFactory : PortalWithDirectoryFactory
{
    public KestrelPortalFactory() => UseKestrel(0);

    /// <summary>Signed in through the real login form, over a real connection to the port Kestrel chose.</summary>
    public async Task<HttpClient> SignInOverTcpAsync(string login)
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        // A client of its own over TCP: the factory's follows redirects whatever it is told.
#pragma warning disable CA2000 // The handler is disposed with the client.
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
#pragma warning restore CA2000
        {
            BaseAddress = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)),
        };
        using var response = await client.SubmitFormAsync("/Account/Login",
            new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

/// <summary>Issue 14, item 4: a file over the server's request limit answered with the form, not a 500.</summary>
public sealed class UploadOverServerLimitTests(KestrelPortalFactory factory) : IClassFixture<KestrelPortalFactory>
{
    private readonly TeacherCabinet _cabinet = new(factory);

    [Fact]
    public async Task A_31_mb_file_gets_the_form_back_with_the_size_message_and_every_typed_field()
    {
        await _cabinet.CreateTeacherAsync("limit.server");
        using var client = await factory.SignInOverTcpAsync("limit.server");
        var id = await SaveDraftAsync(client, CompleteForm());
        var typed = new Dictionary<string, string>
        {
            ["Input.Awards"] = "Почётная грамота, набранная перед загрузкой",
            ["Input.EducationYear"] = "2007",
            ["Input.Form"] = "Distance",
        };

        using var response = await UploadAsync(client, id, ApplicationDocumentKind.ResultsDescription, "скан.pdf",
            SampleFiles.PdfOfLength(31 * 1024 * 1024), typed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Файл больше 20 МБ.", page.FieldError("Upload"));
        foreach (var (name, value) in typed)
            Assert.Equal(value, page.FieldValue(name));
        Assert.Equal(nameof(ApplicationDocumentKind.ResultsDescription), page.FieldValue("UploadKind"));
        Assert.Equal(CompleteForm()["Input.ResultsGrounds"], page.FieldValue("Input.ResultsGrounds"));
        var saved = await _cabinet.LoadAsync(id);
        Assert.Empty(saved.Documents);
        Assert.Null(saved.Awards);
    }
}
