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
        builder.Property(i => i.LastName).HasMaxLength(Domain.PersonName.PartMaxLength);
        builder.Property(i => i.FirstName).HasMaxLength(Domain.PersonName.PartMaxLength);
        builder.Property(i => i.MiddleName).HasMaxLength(Domain.PersonName.PartMaxLength);
        builder.HasOne<Position>().WithMany().HasForeignKey(i => i.PositionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Subject>().WithMany().HasForeignKey(i => i.SubjectId).OnDelete(DeleteBehavior.Restrict);

        builder.HasOne<Municipality>().WithMany().HasForeignKey(i => i.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.InvitedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.AcceptedUserId).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(i => i.TokenHash).IsUnique();
        // «Список пользователей зарегистрированных по приглашению» of a municipality, newest first.
        builder.HasIndex(i => new { i.MunicipalityId, i.CreatedAt });
        // The school coordinator's list of the teachers he invited, newest first.
        builder.HasIndex(i => new { i.OrganisationId, i.CreatedAt });
    }
}

public sealed class SchoolDutyTickConfiguration : IEntityTypeConfiguration<Domain.Schools.SchoolDutyTick>
{
    public void Configure(EntityTypeBuilder<Domain.Schools.SchoolDutyTick> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Duty).HasMaxLength(Domain.Schools.SchoolDuties.CodeMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.TickedBy).OnDelete(DeleteBehavior.Restrict);
        // One tick per duty of a school's year: a second tick of the same duty (a double click, a colleague) is a no-op.
        builder.HasIndex(t => new { t.OrganisationId, t.SchoolYearStart, t.Duty }).IsUnique();
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
