using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Attestation.Web.Infrastructure;

/// <summary>Hands the lists to the shared _ProfileFields partial through the page's own ViewData (and ModelState).</summary>
public static class ProfileFieldLists
{
    public static void Fill(ViewDataDictionary viewData,
        List<SelectListItem> municipalities, List<SelectListItem> organisations, List<SelectListItem> positions,
        List<SelectListItem> subjects, string refreshHandler)
    {
        viewData["Municipalities"] = municipalities;
        viewData["Organisations"] = organisations;
        viewData["Positions"] = positions;
        viewData["Subjects"] = subjects;
        viewData["RefreshHandler"] = refreshHandler;
    }
}
