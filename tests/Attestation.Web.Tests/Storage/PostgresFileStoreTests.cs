using System.Security.Cryptography;
using Attestation.Testing;
using Attestation.Web.Data;
using Attestation.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Storage;

/// <summary>The portal's own <see cref="IFileStore"/> on its PostgreSQL database, one request scope at a time.</summary>
public sealed class PostgresFileStoreTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Guid Uploader = Guid.Parse("0190a000-0000-7000-8000-000000000001");

    [Fact]
    public async Task A_staged_file_is_saved_with_the_request_and_read_back_byte_for_byte()
    {
        var content = RandomNumberGenerator.GetBytes(300_000);
        "%PDF-"u8.CopyTo(content);
        var now = portal.Clock.GetUtcNow();

        var id = await portal.WithServicesAsync(async services =>
        {
            var id = services.GetRequiredService<IFileStore>().Stage(new ValidatedUpload("Заявление.pdf", "application/pdf", content), Uploader, now);
            await services.GetRequiredService<AttestationDbContext>().SaveChangesAsync();
            return id;
        });
        var opened = await portal.WithServicesAsync(services => services.GetRequiredService<IFileStore>().OpenAsync(id, CancellationToken.None));

        Assert.NotNull(opened);
        Assert.Equal(id, opened.Id);
        Assert.Equal("Заявление.pdf", opened.FileName);
        Assert.Equal("application/pdf", opened.ContentType);
        Assert.Equal(content, opened.Content);

        await using var db = portal.OpenDb();
        var row = await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == id);
        Assert.Equal(SHA256.HashData(content), row.Sha256);
        Assert.Equal(SHA256.HashData(opened.Content), row.Sha256);
        Assert.Equal(content.Length, row.Length);
        Assert.Equal(Uploader, row.CreatedBy);
        Assert.Equal(now.ToUnixTimeMilliseconds(), row.CreatedAt.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task A_staged_file_whose_request_never_saves_leaves_no_row()
    {
        var content = "%PDF-1.7 брошенный"u8.ToArray();

        var id = await portal.WithServicesAsync(services => Task.FromResult(
            services.GetRequiredService<IFileStore>().Stage(new ValidatedUpload("брошенный.pdf", "application/pdf", content), Uploader, portal.Clock.GetUtcNow())));

        await using var db = portal.OpenDb();
        Assert.False(await db.StoredFiles.AnyAsync(f => f.Id == id));
        Assert.Null(await portal.WithServicesAsync(services => services.GetRequiredService<IFileStore>().OpenAsync(id, CancellationToken.None)));
    }

    [Fact]
    public async Task An_unknown_id_opens_nothing()
    {
        var opened = await portal.WithServicesAsync(services =>
            services.GetRequiredService<IFileStore>().OpenAsync(Guid.CreateVersion7(), CancellationToken.None));

        Assert.Null(opened);
    }
}
