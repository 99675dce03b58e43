using System.Diagnostics.CodeAnalysis;

// The area is named after the role («Оператор») like every other area. "Operator" is a Visual Basic keyword, which
// would matter to a library called from VB; nothing calls these page models but ASP.NET Core.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
    Justification = "The area is named after the role; page models are not a public API.",
    Scope = "namespaceanddescendants", Target = "~N:Attestation.Web.Areas.Operator")]
