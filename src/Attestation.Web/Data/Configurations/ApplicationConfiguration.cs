using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Directory;
using Attestation.Domain.Periods;
using Attestation.Web.Data.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attestation.Web.Data.Configurations;

public sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();

        // Optimistic concurrency on PostgreSQL's xmin: two coordinators acting on one application cannot both win.
        builder.Property<uint>("Version").IsRowVersion();

        builder.Property(a => a.LastName).HasMaxLength(PersonName.PartMaxLength).UseCollation(DataSetup.RussianCollation);
        builder.Property(a => a.FirstName).HasMaxLength(PersonName.PartMaxLength).UseCollation(DataSetup.RussianCollation);
        builder.Property(a => a.MiddleName).HasMaxLength(PersonName.PartMaxLength).UseCollation(DataSetup.RussianCollation);
        builder.Property(a => a.CurrentCategoryDecisionNumber).HasMaxLength(Application.DecisionNumberMaxLength);
        builder.Property(a => a.SimplifiedGrounds).HasMaxLength(Application.LongTextMaxLength);
        builder.Property(a => a.EducationInstitution).HasMaxLength(Application.ShortTextMaxLength);
        builder.Property(a => a.EducationSpeciality).HasMaxLength(Application.ShortTextMaxLength);
        builder.Property(a => a.EducationQualification).HasMaxLength(Application.ShortTextMaxLength);
        builder.Property(a => a.Awards).HasMaxLength(Application.LongTextMaxLength);
        builder.Property(a => a.Development).HasMaxLength(Application.LongTextMaxLength);
        builder.Property(a => a.ResultsGrounds).HasMaxLength(Application.LongTextMaxLength);
        builder.Property(a => a.ResultLinks).HasMaxLength(Application.ResultLinksMaxLength);
        builder.Property(a => a.LessonRecordingLink1).HasMaxLength(Application.LinkMaxLength);
        builder.Property(a => a.LessonRecordingLink2).HasMaxLength(Application.LinkMaxLength);
        builder.Property(a => a.RegistrationNumber).HasMaxLength(Application.RegistrationNumberMaxLength);
        builder.Property(a => a.RejectionReason).HasMaxLength(Application.ReasonMaxLength);
        // The teacher's full name as a search reads it (ReadModel.ApplicationRows.WhoseNameContains): written by
        // PostgreSQL itself on every insert and update, in lower case with «ё» as «е», compared byte by byte (C): the
        // indexes of the searches carry it, so a list walked in its order tests each row's name from the index.
        builder.Property<string>(ApplicationSearch.Column)
            .IsRequired()
            .HasComputedColumnSql(ApplicationSearch.Sql, stored: true)
            .UseCollation("C");

        builder.OwnsOne(a => a.Conclusion, conclusion =>
        {
            conclusion.Property(c => c.Comment).HasMaxLength(Conclusion.CommentMaxLength);
        });
        builder.OwnsOne(a => a.Decision, decision =>
        {
            decision.Property(d => d.ProtocolNumber).HasMaxLength(CommissionDecision.ProtocolNumberMaxLength);
            decision.Property(d => d.OrderNumber).HasMaxLength(CommissionDecision.OrderNumberMaxLength);
        });
        builder.OwnsOne(a => a.Withdrawal, withdrawal =>
        {
            withdrawal.Property(w => w.ReasonText).HasMaxLength(Withdrawal.ReasonTextMaxLength);
            // The withdrawals by municipality and filing date (a municipality's journal and its count of a year; the
            // region's journal reads the whole index) are indexed by the migration WithdrawalsByMunicipality in SQL:
            // an owned type's index cannot name its owner's column.
        });

        builder.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Documents).WithOne().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.TeacherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.ExpertAId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.ExpertBId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Position>().WithMany().HasForeignKey(a => a.PositionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Subject>().WithMany().HasForeignKey(a => a.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AttestationPeriod>().WithMany().HasForeignKey(a => a.PeriodId).OnDelete(DeleteBehavior.Restrict);

        // «Мои заявления»; in the database it also carries the status and the decision, which the rule warnings read of
        // the teacher's other applications (migration TeachersApplicationsCovering).
        builder.HasIndex(a => new { a.TeacherId, a.CreatedAt });
        // The teachers who have submitted an application, looked up from the index alone: «Педагогические работники не
        // подавшие заявление» tests each teacher of the municipality against it (a region's 1,500: 16 → 2.6 ms; the
        // index above needed each application's row for its submission).
        builder.HasIndex(a => a.TeacherId, "IX_Applications_SubmittedTeachers").HasFilter("\"SubmittedAt\" IS NOT NULL");
        // The registration journal and the 30-day control of a municipality: by status, oldest submission first.
        builder.HasIndex(a => new { a.MunicipalityId, a.Status, a.SubmittedAt });
        // A municipality's journals: its first submission and the applications submitted in a year (or in all years),
        // counted from the index alone. Without it the prepared statement's generic plan (which cannot see how wide a
        // year's range is) walked the region's submissions by date and tested each one's municipality: 148,000 rows,
        // 20 ms a request at a region's size. In the database it also carries what «Мониторинг» counts by submission, so
        // that a municipality's is read from its own entries alone (migration MunicipalSubmissionsCovering).
        builder.HasIndex(a => new { a.MunicipalityId, a.SubmittedAt });
        // The schedule of a municipality for a period, and the consolidated schedule of a period. In the database the
        // index also carries the columns «Мониторинг» reads by period (migration CoveringPeriodAndSubmissionIndexes: some
        // are the owned conclusion's, which EF Core's index builder cannot name).
        builder.HasIndex(a => new { a.PeriodId, a.MunicipalityId });
        // The operator's lists of the whole region, the latest submissions first, bounded by a year; with the
        // municipality, the year's count by municipality is read from the index alone (country: 590 → 73 ms). In the
        // database it also carries what «Мониторинг» counts by submission (the same migration).
        builder.HasIndex(a => a.SubmittedAt).IncludeProperties(a => a.MunicipalityId);
        // The region's control table and lists: the few applications in progress among the decided years.
        builder.HasIndex(a => a.Status);
        // A municipality's withdrawals still to register: its home page's count and its list.
        builder.HasIndex(a => a.MunicipalityId, "IX_Applications_PendingWithdrawals")
            .HasFilter("\"Withdrawal_FiledAt\" IS NOT NULL AND \"Withdrawal_RegisteredAt\" IS NULL");
        // A municipality's registered withdrawals: the journal of years on «Регистрация заявлений на отзыв», counted and
        // paged (without it the planner read the municipality's every application for its few hundred withdrawals).
        builder.HasIndex(a => a.MunicipalityId, "IX_Applications_RegisteredWithdrawals")
            .HasFilter("\"Withdrawal_RegisteredAt\" IS NOT NULL");
        // A municipality's registered applications on general grounds still without a period (AwaitingPeriod, all of
        // it, so that a count reads the index alone): its home page's count, the fill list's first rows, the
        // consolidated schedule's column per municipality (without it the planner crossed the country's registered
        // applications with the municipality's; without the grounds in it, 23,000 heap rows a request at a country).
        builder.HasIndex(a => a.MunicipalityId, "IX_Applications_AwaitingPeriod")
            .HasFilter("\"Status\" = 'Registered' AND \"PeriodId\" IS NULL AND \"SimplifiedGrounds\" IS NULL");
        // The operator's «Итоговые заключения»: each municipality's applications at each stage of the conclusion,
        // counted from the index alone (a region's 7,300: 26 → 3.6 ms; a country's 97,000 in place of 0.46 s of heap),
        // and a page of the list read from it: the groups of a period and a municipality, each in the order of names.
        builder.HasIndex(a => new { a.Status, a.PeriodId, a.MunicipalityId, a.LastName, a.FirstName, a.MiddleName, a.Id },
                "IX_Applications_ConclusionStages")
            .HasFilter($"\"PeriodId\" IS NOT NULL AND \"Status\" IN ({string.Join(", ", ConclusionStages.Select(s => $"'{s}'"))})");
        // A municipality's applications on the simplified form (no period): the coordinator's «Аттестация» list shows
        // them beside the current periods' (without it, every application of the municipality without a period was
        // read to find its few simplified ones).
        builder.HasIndex(a => a.MunicipalityId, "IX_Applications_Simplified")
            .HasFilter("\"PeriodId\" IS NULL AND \"SimplifiedGrounds\" IS NOT NULL");
        // The teachers' reminder of drafts not submitted for a week: the drafts started on one day.
        builder.HasIndex(a => a.CreatedAt, "IX_Applications_Drafts").HasFilter("\"Status\" = 'Draft'");
        // An expert's individual schedule.
        builder.HasIndex(a => a.ExpertAId);
        builder.HasIndex(a => a.ExpertBId);
        // Registration numbers («12/2026») are unique within a municipality.
        builder.HasIndex(a => new { a.MunicipalityId, a.RegistrationNumber })
            .IsUnique()
            .HasFilter("\"RegistrationNumber\" IS NOT NULL");
    }

    /// <summary>The statuses of the operator's three conclusion lists (a conclusion missing, awaiting its check, checked).</summary>
    internal static IReadOnlyList<ApplicationStatus> ConclusionStages { get; } =
        [.. ApplicationRules.ConclusionMissing, .. ApplicationRules.ConclusionAwaitingVerification, .. ApplicationRules.ConclusionVerified];
}

public sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public const string NumberIndex = "IX_ApplicationEvents_ApplicationId_Number";

    public void Configure(EntityTypeBuilder<ApplicationEvent> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ActorRole).HasMaxLength(40);
        builder.Property(e => e.Description).HasMaxLength(1000);
        builder.Property(e => e.Reason).HasMaxLength(Application.ReasonMaxLength);
        builder.HasIndex(e => new { e.ApplicationId, e.Number }).IsUnique().HasDatabaseName(NumberIndex);
    }
}

public sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.FileName).HasMaxLength(ApplicationDocument.FileNameMaxLength);
        builder.HasIndex(d => d.ApplicationId);
    }
}
