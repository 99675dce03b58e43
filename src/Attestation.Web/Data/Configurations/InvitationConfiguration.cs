using Attestation.Domain.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attestation.Web.Data.Configurations;

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        // Accepting marks the invitation used: two people following one link at once cannot both register.
        builder.Property<uint>("Version").IsRowVersion();
        builder.Property(i => i.TokenHash).HasMaxLength(32);
        builder.ToTable(t => t.HasCheckConstraint("CK_Invitations_TokenHash", "length(\"TokenHash\") = 32"));
        builder.Property(i => i.Email).HasMaxLength(Invitation.EmailMaxLength);
        builder.Property(i => i.Role).HasMaxLength(40);

        builder.HasOne<Municipality>().WithMany().HasForeignKey(i => i.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.InvitedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.AcceptedUserId).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(i => i.TokenHash).IsUnique();
        // «Список пользователей зарегистрированных по приглашению» of a municipality, newest first.
        builder.HasIndex(i => new { i.MunicipalityId, i.CreatedAt });
    }
}

public sealed class NotificationLogConfiguration : IEntityTypeConfiguration<NotificationLog>
{
    public void Configure(EntityTypeBuilder<NotificationLog> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.Kind, n.SentOn }).IsUnique();
    }
}

public sealed class RegistrationCounterConfiguration : IEntityTypeConfiguration<RegistrationCounter>
{
    public void Configure(EntityTypeBuilder<RegistrationCounter> builder)
    {
        builder.HasKey(c => new { c.MunicipalityId, c.Year });
        builder.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
    }
}
