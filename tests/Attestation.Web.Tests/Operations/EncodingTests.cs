using System.Globalization;
using System.Net;
using Attestation.Testing;

namespace Attestation.Web.Tests.Operations;

public sealed class EncodingTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    [Fact]
    public async Task The_login_page_serves_cyrillic_as_is_not_as_html_entities()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Логин или адрес электронной почты", body, StringComparison.Ordinal);       // a [Display] name, written by a tag helper
        Assert.Contains("Введите логин или адрес электронной почты.", body, StringComparison.Ordinal); // a data-val attribute
        Assert.DoesNotContain("&#x", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Russian_typography_in_directory_names_is_served_as_is()
    {
        using var client = factory.CreatePortalClient();

        // Organisation names such as «МАОУ лицей № 8» come from the database through the encoder.
        using var response = await client.SubmitFormAsync("/Account/Register",
            new Dictionary<string, string>
            {
                ["Input.MunicipalityId"] = factory.Directory.Tomsk.Id.ToString(CultureInfo.InvariantCulture),
            },
            submitter: "choose-municipality");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("&#x2116;", body, StringComparison.Ordinal); // №
        Assert.DoesNotContain("&#xAB;", body, StringComparison.Ordinal);   // «
        Assert.Contains(factory.Directory.Lyceum.Name, body, StringComparison.Ordinal);
    }
}
