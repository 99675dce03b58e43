using Attestation.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attestation.Web.Data.Configurations;

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.FileName).HasMaxLength(StoredFile.FileNameMaxLength);
        builder.Property(f => f.ContentType).HasMaxLength(StoredFile.ContentTypeMaxLength);
        builder.Property(f => f.Sha256).HasMaxLength(32);
        builder.ToTable(t => t.HasCheckConstraint("CK_StoredFiles_Sha256", "length(\"Sha256\") = 32"));
        builder.ToTable(t => t.HasCheckConstraint("CK_StoredFiles_Length", "\"Length\" = length(\"Content\")"));
    }
}
