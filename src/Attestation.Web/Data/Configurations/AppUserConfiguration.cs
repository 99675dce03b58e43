using Attestation.Domain;
using Attestation.Domain.Directory;
using Attestation.Domain.Names;
using Attestation.Web.Data.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attestation.Web.Data.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.LastName).HasMaxLength(PersonName.PartMaxLength).UseCollation(DataSetup.RussianCollation);
        builder.Property(u => u.FirstName).HasMaxLength(PersonName.PartMaxLength).UseCollation(DataSetup.RussianCollation);
        builder.Property(u => u.MiddleName).HasMaxLength(PersonName.PartMaxLength).UseCollation(DataSetup.RussianCollation);
        builder.Property(u => u.WorkPhone).HasMaxLength(40);
        builder.Property(u => u.GenitiveFullName).HasMaxLength(GenitiveCorrection.MaxLength);
        builder.Property(u => u.GenitiveFullNameFor).HasMaxLength(GenitiveCorrection.MaxLength);
        builder.Ignore(u => u.GenitiveCorrection);
        builder.Ignore(u => u.FullName);
        builder.Ignore(u => u.ShortName);
        // Written by the applications' trigger alone (SubmittedTeachers): a save of the account never carries it, so
        // that an account read before the teacher's first submission and saved after it does not put it back.
        // The role likewise, by the trigger on Identity's roles (AccountRoles).
        foreach (var kept in new[] { builder.Property(u => u.HasSubmittedApplication).Metadata, builder.Property(u => u.RoleId).Metadata })
        {
            kept.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
            kept.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        }

        builder.HasOne<Municipality>().WithMany().HasForeignKey(u => u.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Position>().WithMany().HasForeignKey(u => u.PositionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Subject>().WithMany().HasForeignKey(u => u.SubjectId).OnDelete(DeleteBehavior.Restrict);

        // Coordinators list the people of their municipality and organisation in the order of the names: the page is
        // read from the index in its order, and a count of the municipality's teachers («не подавшие заявление») reads
        // the index alone.
        builder.HasIndex(u => new { u.MunicipalityId, u.LastName, u.FirstName, u.MiddleName, u.Id });
        builder.HasIndex(u => new { u.OrganisationId, u.LastName, u.FirstName, u.MiddleName, u.Id });
        // The people of one role (or two) of a municipality or an organisation, in the order of the names: a coordinator's
        // experts and school coordinators among the municipality's 1,500 teachers, a school's teachers.
        builder.HasIndex(u => new { u.MunicipalityId, u.RoleId, u.LastName, u.FirstName, u.MiddleName, u.Id }, "IX_AspNetUsers_MunicipalityId_RoleId_Name");
        builder.HasIndex(u => new { u.OrganisationId, u.RoleId, u.LastName, u.FirstName, u.MiddleName, u.Id }, "IX_AspNetUsers_OrganisationId_RoleId_Name");
        // The operator's «Пользователи» of one role: its first page in the order of the names, and its count, from the
        // index alone.
        builder.HasIndex(u => new { u.RoleId, u.LastName, u.FirstName, u.MiddleName, u.Id }, "IX_AspNetUsers_RoleId_Name");
        // «Пользователи» in the order of the names: the first page read from the index, not a sort of every account.
        builder.HasIndex(u => new { u.LastName, u.FirstName, u.MiddleName, u.Id });
        // «Педагогические работники не подавшие заявление»: a municipality's people who never submitted, in the order of
        // the names (a few dozen of its 1,500), where each person was looked up among the applications.
        builder.HasIndex(u => new { u.MunicipalityId, u.LastName, u.FirstName, u.MiddleName, u.Id }, SubmittedTeachers.NotAppliedIndex)
            .HasFilter($"NOT \"{SubmittedTeachers.Column}\"");
    }
}

public sealed class AccountEventConfiguration : IEntityTypeConfiguration<AccountEvent>
{
    public void Configure(EntityTypeBuilder<AccountEvent> builder)
    {
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Text).HasMaxLength(AccountEvent.TextMaxLength);
        builder.Property(e => e.Reason).HasMaxLength(AccountEvent.ReasonMaxLength);
        builder.Ignore(e => e.KindText);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.By).OnDelete(DeleteBehavior.Restrict);
        // An account's history, the latest first.
        builder.HasIndex(e => new { e.UserId, e.At });
    }
}

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Login).HasMaxLength(AuditEvent.LoginMaxLength);
        builder.Property(e => e.PersonName).HasMaxLength(AuditEvent.NameMaxLength);
        builder.Property(e => e.Address).HasMaxLength(AuditEvent.AddressMaxLength);
        builder.Property(e => e.Subject).HasMaxLength(AuditEvent.SubjectMaxLength);
        // No foreign key: a line outlives its account, and names the login it had.
        // The operator's search: a period, the latest first; within it one person or one action.
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.UserId, e.At });
        builder.HasIndex(e => new { e.Action, e.At });
    }
}
