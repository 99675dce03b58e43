using System.Diagnostics.CodeAnalysis;

// The tests mirror the area, which is named after the role («Оператор»); "Operator" is a Visual Basic keyword, which
// matters to a library called from VB, not to tests.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
    Justification = "Named after the portal's area and role.",
    Scope = "namespaceanddescendants", Target = "~N:Attestation.Web.Tests.Operator")]
