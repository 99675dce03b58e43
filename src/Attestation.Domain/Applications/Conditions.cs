using System.Linq.Expressions;

namespace Attestation.Domain.Applications;

/// <summary>Query conditions composed into one expression (for a filtered count, where a second Where cannot go).</summary>
public static class Conditions
{
    /// <summary>Both conditions, on one parameter.</summary>
    public static Expression<Func<T, bool>> And<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var parameter = left.Parameters[0];
        var body = new Replace(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, body), parameter);
    }

    /// <summary>Either condition, on one parameter.</summary>
    public static Expression<Func<T, bool>> Or<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var parameter = left.Parameters[0];
        var body = new Replace(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, body), parameter);
    }

    /// <summary>
    /// A condition with arguments after its row (<c>(a, from, to) => …</c>), the arguments bound to
    /// <paramref name="arguments"/> (a compiled statement's parameters, or values): a condition on the row alone.
    /// </summary>
    public static Expression<Func<T, bool>> Bind<T>(this LambdaExpression condition, params Expression[] arguments)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(arguments);
        if (condition.Parameters.Count != arguments.Length + 1 || condition.Parameters[0].Type != typeof(T) || condition.ReturnType != typeof(bool))
            throw new ArgumentException($"A condition on {typeof(T).Name} and {arguments.Length} arguments.", nameof(condition));
        var body = condition.Body;
        for (var i = 0; i < arguments.Length; i++)
            body = new Replace(condition.Parameters[i + 1], arguments[i]).Visit(body);
        return Expression.Lambda<Func<T, bool>>(body, condition.Parameters[0]);
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
