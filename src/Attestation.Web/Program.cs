using Attestation.Web.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.Demo;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);

// Serve the build's static assets (Bootstrap, compressed variants) in any environment when run from the build
// output (start script, tests); a published app has no such manifest and this does nothing.
builder.WebHost.UseStaticWebAssets();

builder.AddPortalLogging();
builder.Services.AddPortalData(builder.Configuration, builder.Environment);
builder.Services.AddPortalForwardedHeaders(builder.Configuration);
builder.Services.AddPortalIdentity(builder.Configuration);
builder.Services.AddSignInLimits(builder.Configuration);
builder.Services.AddPortalAuthorization();
builder.Services.AddPortalNotifications(builder.Configuration);
builder.Services.AddPortalStorage(builder.Configuration);
builder.Services.AddPortalDocuments(builder.Configuration);
builder.Services.AddPortalSpreadsheets();
builder.Services.AddPortalApplications(builder.Configuration);
builder.Services.AddPortalPages(builder.Configuration);
builder.Services.AddDemoData(builder.Configuration);
builder.Services.AddPortalJobs(builder.Configuration);

var app = builder.Build();
RegionDates.UseZone(app.Services.GetRequiredService<RegionTime>().Zone);

// First: everything after it (the log, the cookies' Secure, the sign-in limits) sees the client behind a TLS proxy.
app.UseForwardedHeaders();
app.UsePortalRequestLogging();
app.UseSecurityHeaders();
if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/Error/{0}");
// The probes answer before any session is read: a probe sent with a cookie must not wait on the account's check.
app.UseHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.UseHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.UseRequestLocalization();

app.UseRouting();
app.UseAuthentication();
app.Use(async (context, next) =>
{
    AccountCheck.ThrowIfDatabaseDown(context);
    await next(context);
});
app.UseDirectoryNames();
app.UseAuthorization();
app.UseSafeInput();
app.UseSignInLimits();

app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapCalendarFeed();

// «migrate»: the one migration step before N instances start (each with Database:Migrate false), then exit.
if (args.Contains("migrate", StringComparer.Ordinal))
{
    await app.PrepareDatabaseAsync(migrate: true);
    return;
}
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
