using AngleSharp.Html.Dom;
using Attestation.Testing;

namespace Attestation.Web.Tests.Operator;

/// <summary>The operator's «Сводный график» as a user works it: the page of a period and its «Утвердить» buttons.</summary>
internal sealed partial class OperatorDesk
{
    public static string ConsolidatedUrl(Guid periodId) => $"/Operator/Schedule?periodId={periodId}";

    public static string ConsolidatedDownloadUrl(Guid periodId, string format) =>
        $"/Operator/Schedule?handler=Download&periodId={periodId}&format={format}";

    /// <summary>«Утвердить все» when <paramref name="municipalityId"/> is null, else the municipality's own «Утвердить».</summary>
    public static Task<HttpResponseMessage> ApproveAsync(HttpClient client, Guid periodId, int? municipalityId = null) =>
        client.SubmitFormAsync(ConsolidatedUrl(periodId), new Dictionary<string, string>(),
            municipalityId is null ? "form#approve-all" : $"tr[data-municipality='{municipalityId}'] form.approve-one");

    /// <summary>The row of the summary table of one municipality: the counts and the approval.</summary>
    public static AngleSharp.Dom.IElement MunicipalityRow(IHtmlDocument page, int municipalityId) =>
        page.QuerySelector($"#municipalities tr[data-municipality='{municipalityId}']")
        ?? throw new InvalidOperationException($"The consolidated schedule has no row for municipality {municipalityId}.");
}
