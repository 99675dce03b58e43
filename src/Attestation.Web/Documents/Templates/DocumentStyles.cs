namespace Attestation.Web.Documents.Templates;

/// <summary>
/// The look every printed document shares: a Times-like serif at 12 pt, as regional paperwork is typed, from the
/// portal's own font files (<see cref="DocumentFonts"/>), never the server's. Page size and margins are set by the
/// renderer (A4, 20/15/20/25 mm) so that the page-number footer always fits.
/// </summary>
public static class DocumentStyles
{
    public const string Css = $$"""
        html {
            font-family: {{DocumentFonts.FontFamily}};
            font-size: 12pt;
            line-height: 1.15;
            color: #000;
            -webkit-print-color-adjust: exact;
            print-color-adjust: exact;
        }
        body { margin: 0; }
        h1 {
            font-size: 13pt;
            font-weight: bold;
            text-align: center;
            text-transform: uppercase;
            margin: 10pt 0 6pt;
        }
        h1, h2 { break-after: avoid; }
        h2 { font-size: 12pt; font-weight: bold; text-align: center; margin: 12pt 0 6pt; }
        p { margin: 0 0 3pt; text-align: justify; text-indent: 1.25cm; }
        p.plain { text-indent: 0; }
        ul { margin: 0 0 3pt; padding-left: 1.75cm; }
        /* Links and typed text may hold a long address with no space: only such a word is broken, and only when it
           cannot fit on a line of its own. */
        li { overflow-wrap: break-word; }

        /* The addressee block in the upper right corner. */
        .addressee { margin-left: 45%; margin-bottom: 6pt; }
        .addressee p { text-indent: 0; text-align: left; margin: 0; }
        .caption { display: block; font-size: 8pt; text-align: center; line-height: 1.2; margin-bottom: 2pt; }
        .filled { border-bottom: 0.5pt solid #000; }
        .addressee p.filled { margin-top: 4pt; }

        /* Text the user typed: his line breaks are kept. */
        .entered { white-space: pre-line; overflow-wrap: break-word; }

        /* Label and value pairs. */
        table.facts { width: 100%; border-collapse: collapse; margin: 2pt 0 6pt; }
        table.facts tr { break-inside: avoid; }
        table.facts td { vertical-align: top; padding: 1pt 0 2pt; border-bottom: 0.5pt solid #000; }
        table.facts td.label { width: 40%; padding-right: 8pt; }

        /* Journals and schedules: a ruled grid whose header repeats on every page. */
        table.grid { width: 100%; border-collapse: collapse; font-size: 10pt; line-height: 1.2; }
        table.grid th, table.grid td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; }
        table.grid th { font-weight: bold; text-align: center; }
        /* «№ п/п» would break after its slash. */
        table.grid th:first-child { white-space: nowrap; }
        table.grid thead { display: table-header-group; }
        table.grid tr { break-inside: avoid; }

        /* Date and signature lines. */
        table.signature { width: 100%; margin-top: 14pt; border-collapse: collapse; break-inside: avoid; }
        table.signature td { vertical-align: bottom; padding: 0; }
        .line { display: inline-block; min-width: 40mm; border-bottom: 0.5pt solid #000; }

        .keep-together { break-inside: avoid; }

        /* Never broken across lines: dates, registration numbers («№ 12/2026»), «очно» / «дистанционно»,
           «соответствует» / «не соответствует», category words. Mark every such value with it; no template uses
           overflow-wrap: anywhere on Russian words. */
        .nb { white-space: nowrap; }
        """;
}
