using System.Linq.Expressions;
using Attestation.Domain.Applications;

namespace Attestation.Domain.Tests.Applications;

public class ConditionsTests
{
    private static readonly Expression<Func<Application, ApplicationStatus, bool>> InStatus = (a, status) => a.Status == status;

    [Fact]
    public void A_condition_with_its_argument_bound_is_a_condition_on_the_row_alone()
    {
        var submitted = InStatus.Bind<Application>(Expression.Constant(ApplicationStatus.Submitted));

        Assert.Single(submitted.Parameters);
        Assert.True(submitted.Compile()(Given.ApplicationIn(ApplicationStatus.Submitted)));
        Assert.False(submitted.Compile()(Given.ApplicationIn(ApplicationStatus.Registered)));
    }

    [Fact]
    public void Arguments_that_do_not_fit_the_condition_are_refused()
    {
        Assert.Throws<ArgumentException>(() => InStatus.Bind<Application>());
        Assert.Throws<ArgumentException>(() => InStatus.Bind<Application>(Expression.Constant(ApplicationStatus.Submitted), Expression.Constant(1)));
    }
}
