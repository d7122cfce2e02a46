//! What text comes out: runs, fields, list labels, tables, tracked changes.

use super::build::{Docx, level, numbered, numbering, p, styled, styles};
use super::{assert_spans_sound, read};

#[test]
fn paragraphs_are_separated_by_a_blank_line_and_empty_ones_left_out() {
    let body = format!(
        "{}<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>{}",
        p("First paragraph."),
        r#"<w:p><w:r><w:t xml:space="preserve">Second </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>part &amp; &#x2019;more&#8217;</w:t></w:r></w:p>"#
    );
    let doc = read(&Docx::new(&body).build());
    assert_eq!(doc.text, "First paragraph.\n\nSecond part & \u{2019}more\u{2019}");
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    assert_spans_sound(&doc);
}

#[test]
fn tabs_breaks_hyphens_and_fields_read_as_word_shows_them() {
    let body = concat!(
        r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>"#,
        r#"<w:r><w:t>Name:</w:t><w:tab/><w:t>Acme</w:t><w:br/><w:t>Line two</w:t><w:cr/><w:t>three</w:t></w:r>"#,
        r#"<w:r><w:t xml:space="preserve"> non</w:t><w:noBreakHyphen/><w:t>exclusive</w:t><w:softHyphen/><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>"#,
        // A complex field: instructions skipped, result kept.
        r#"<w:p><w:r><w:t xml:space="preserve">See Section </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
        r#"<w:r><w:instrText xml:space="preserve"> REF _Ref123 \r \h </w:instrText></w:r><w:r><w:t>ignored</w:t></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>4.2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        r#"<w:r><w:t xml:space="preserve"> and </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>"#,
        r#"<w:r><w:t xml:space="preserve"> at </w:t></w:r><w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>example.com</w:t></w:r></w:hyperlink></w:p>"#,
        // A line feed typed into w:t is a space; a comment reference adds nothing.
        "<w:p><w:r><w:t>one\ntwo</w:t></w:r><w:r><w:commentReference w:id=\"1\"/></w:r></w:p>",
    );
    let doc = read(&Docx::new(body).build());
    assert_eq!(doc.text, "Name:\tAcme\nLine two\nthree non-exclusive\n\nSee Section 4.2 and 7 at example.com\n\none two");
}

#[test]
fn drawings_and_markup_compatibility_choices_are_not_read_but_fallbacks_are() {
    let body = concat!(
        r#"<w:p xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:r><w:t xml:space="preserve">Before </w:t></w:r>"#,
        r#"<mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t>choice</w:t></w:r></mc:Choice>"#,
        r#"<mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent>"#,
        r#"<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>text box</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r>"#,
        r#"<w:r><w:t xml:space="preserve"> after</w:t></w:r></w:p>"#,
    );
    let doc = read(&Docx::new(body).build());
    assert_eq!(doc.text, "Before fallback after");
}

/// Three levels like a contract's clauses, a bullet list, an instance that continues the
/// abstract definition's sequence and one that restarts it.
fn clause_numbering() -> String {
    let clauses = [
        level(0, "decimal", "%1.", 1),
        level(1, "decimal", "%1.%2", 1),
        level(2, "lowerLetter", "(%3)", 1),
        level(3, "lowerRoman", "(%4)", 1),
    ]
    .concat();
    numbering(&format!(
        r#"<w:abstractNum w:abstractNumId="0">{clauses}</w:abstractNum>
           <w:abstractNum w:abstractNumId="1">{}</w:abstractNum>
           <w:abstractNum w:abstractNumId="2">{}</w:abstractNum>
           <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
           <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
           <w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>
           <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
           <w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>"#,
        level(0, "bullet", "\u{F0B7}", 1),
        level(0, "upperRoman", "Article %1", 5),
    ))
}

#[test]
fn list_labels_follow_levels_resets_and_restarts() {
    let body = [
        numbered(1, 0, "Definitions."),
        numbered(1, 1, "Terms."),
        numbered(1, 2, "first item;"),
        numbered(1, 2, "second item;"),
        numbered(1, 3, "sub-item."),
        numbered(1, 1, "Ownership."),
        numbered(1, 2, "restarted item."),
        numbered(1, 0, "Payment."),
        numbered(1, 1, "Fees."),
        numbered(4, 0, "A bullet has no label."),
        numbered(3, 0, "Another instance continues."),
        numbered(2, 0, "An override restarts."),
        numbered(2, 1, "Nested after restart."),
        numbered(5, 0, "Starts at five."),
        numbered(9, 0, "Unknown numId: no label."),
        p("Plain."),
    ]
    .concat();
    let doc = read(&Docx::new(&body).part("word/numbering.xml", clause_numbering()).build());
    let lines: Vec<&str> = doc.text.split("\n\n").collect();
    assert_eq!(
        lines,
        [
            "1. Definitions.",
            "1.1 Terms.",
            "(a) first item;",
            "(b) second item;",
            "(i) sub-item.",
            "1.2 Ownership.",
            "(a) restarted item.",
            "2. Payment.",
            "2.1 Fees.",
            "A bullet has no label.",
            "3. Another instance continues.",
            "1. An override restarts.",
            "1.1 Nested after restart.",
            "Article V Starts at five.",
            "Unknown numId: no label.",
            "Plain.",
        ]
    );
    let labelled = &doc.paragraphs[1];
    assert_eq!(&doc.text[labelled.start..labelled.text_start], "1.1 ");
    assert_eq!(&doc.text[labelled.text_start..labelled.end], "Terms.");
    assert_spans_sound(&doc);
}

#[test]
fn list_labels_come_through_paragraph_styles() {
    let numbering = numbering(
        r#"<w:abstractNum w:abstractNumId="7">
             <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="%1."/></w:lvl>
             <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>
             <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlRestart w:val="0"/><w:lvlText w:val="(%3)"/></w:lvl>
           </w:abstractNum>
           <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>"#,
    );
    let styles = styles(
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
           <w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
           <w:style w:type="paragraph" w:styleId="Heading2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
           <w:style w:type="paragraph" w:styleId="Item"><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
           <w:style w:type="paragraph" w:styleId="Derived"><w:basedOn w:val="Heading2"/></w:style>"#,
    );
    let body = [
        styled("Heading1", "Services"),
        styled("Heading2", "Scope."),
        styled("Item", "never restarts;"),
        styled("Derived", "Inherited."),
        styled("Item", "continues."),
        styled("Heading1", "Intellectual Property"),
        // numId 0 switches the style's numbering off.
        r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Unnumbered.</w:t></w:r></w:p>"#
            .to_owned(),
        p("Normal text."),
    ]
    .concat();
    let doc = read(&Docx::new(&body).part("word/numbering.xml", numbering).part("word/styles.xml", styles).build());
    let lines: Vec<&str> = doc.text.split("\n\n").collect();
    assert_eq!(
        lines,
        [
            "I. Services",
            "1.1 Scope.",
            "(a) never restarts;",
            "1.2 Inherited.",
            "(b) continues.",
            "II. Intellectual Property",
            "Unnumbered.",
            "Normal text."
        ]
    );
}

#[test]
fn broken_numbering_part_costs_the_labels_and_says_so() {
    let doc = read(&Docx::new(&numbered(1, 0, "Clause.")).part("word/numbering.xml", "<w:numbering><w:num>").build());
    assert_eq!(doc.text, "Clause.");
    assert_eq!(doc.notes.len(), 1);
    assert!(doc.notes[0].starts_with("list numbering could not be read"), "{}", doc.notes[0]);
    assert!(doc.notes[0].contains("word/numbering.xml is not well-formed XML at byte"), "{}", doc.notes[0]);
}

#[test]
fn table_rows_become_lines_of_cells() {
    let cell = |content: &str| format!("<w:tc><w:tcPr><w:tcW w:w=\"100\"/></w:tcPr>{content}</w:tc>");
    let nested = format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl>", cell(&p("inner A")), cell(&p("inner B")));
    let body = [
        p("Cover Terms"),
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>".to_owned(),
        format!("<w:tr>{}{}</w:tr>", cell(&p("Company")), cell(&p("Acme &amp; Co"))),
        format!("<w:tr>{}{}{}</w:tr>", cell(&p("Fee")), cell("<w:p/>"), cell(&[p("10 USD"), p("per hour")].concat())),
        format!("<w:tr>{}{}</w:tr>", cell("<w:p/>"), cell("<w:p/>")),
        format!("<w:tr>{}{}</w:tr>", cell(&p("Exhibit")), cell(&nested)),
        "</w:tbl>".to_owned(),
        p("After the table."),
    ]
    .concat();
    let doc = read(&Docx::new(&body).build());
    assert_eq!(doc.text, "Cover Terms\n\nCompany | Acme & Co\n\nFee | 10 USD per hour\n\nExhibit | inner A inner B\n\nAfter the table.");
    let cells: Vec<&str> = doc.paragraphs.iter().map(|s| &doc.text[s.start..s.end]).collect();
    assert_eq!(
        cells,
        ["Cover Terms", "Company", "Acme & Co", "Fee", "10 USD", "per hour", "Exhibit", "inner A", "inner B", "After the table."]
    );
    let indexes: Vec<usize> = doc.paragraphs.iter().map(|s| s.xml_index).collect();
    assert_eq!(indexes, [0, 1, 2, 3, 5, 6, 9, 10, 11, 12]);
    assert_spans_sound(&doc);
}

#[test]
fn tracked_changes_are_read_as_accepted_and_noted() {
    let body = concat!(
        r#"<w:p><w:r><w:t xml:space="preserve">The Client </w:t></w:r>"#,
        r#"<w:del w:id="1" w:author="Counsel"><w:r><w:delText>shall own</w:delText></w:r></w:del>"#,
        r#"<w:ins w:id="2" w:author="Counsel"><w:r><w:t>owns</w:t></w:r></w:ins>"#,
        r#"<w:r><w:t xml:space="preserve"> all Deliverables</w:t></w:r>"#,
        r#"<w:moveFrom w:id="3" w:author="Counsel"><w:r><w:t xml:space="preserve"> upon payment</w:t></w:r></w:moveFrom>"#,
        r#"<w:r><w:t>.</w:t></w:r></w:p>"#,
        r#"<w:p><w:moveTo w:id="4" w:author="Counsel"><w:r><w:t>Upon payment, title passes.</w:t></w:r></w:moveTo></w:p>"#,
        r#"<w:p><w:pPr><w:rPr><w:ins w:id="5" w:author="Counsel"/></w:rPr></w:pPr><w:ins w:id="6" w:author="Counsel"><w:r><w:t>A new paragraph.</w:t></w:r></w:ins></w:p>"#,
    );
    let doc = read(&Docx::new(body).build());
    assert_eq!(doc.text, "The Client owns all Deliverables.\n\nUpon payment, title passes.\n\nA new paragraph.");
    assert_eq!(doc.notes, ["tracked changes in the draft were read as accepted (2 insertions, 1 deletion, 1 move)"]);
}

#[test]
fn deleted_paragraph_marks_join_paragraphs_and_deleted_clauses_lose_their_number() {
    let numbering = numbering(&format!(
        r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        level(0, "decimal", "%1.", 1)
    ));
    let deleted_mark =
        r#"<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="9" w:author="C"/></w:rPr></w:pPr>"#;
    let body = [
        numbered(1, 0, "Services."),
        // A whole clause deleted, its mark too: it disappears and takes no number.
        format!(r#"<w:p>{deleted_mark}<w:del w:id="8" w:author="C"><w:r><w:delText>Exclusivity.</w:delText></w:r></w:del></w:p>"#),
        numbered(1, 0, "Fees."),
        // Only the mark deleted: the paragraph runs on into the next.
        format!(r#"<w:p>{deleted_mark}<w:r><w:t xml:space="preserve">Term </w:t></w:r></w:p>"#),
        r"<w:p><w:r><w:t>and termination.</w:t></w:r></w:p>".to_owned(),
        // A changed numbering records the old properties; only the new ones count.
        r#"<w:p><w:pPr><w:pPrChange w:id="7" w:author="C"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>No longer numbered.</w:t></w:r></w:p>"#.to_owned(),
    ]
    .concat();
    let doc = read(&Docx::new(&body).part("word/numbering.xml", numbering).build());
    assert_eq!(doc.text, "1. Services.\n\n2. Fees.\n\n3. Term and termination.\n\nNo longer numbered.");
    let joined: Vec<(&str, &str, usize)> =
        doc.paragraphs.iter().map(|s| (&doc.text[s.start..s.text_start], &doc.text[s.text_start..s.end], s.xml_index)).collect();
    assert_eq!(
        joined,
        [("1. ", "Services.", 0), ("2. ", "Fees.", 2), ("3. ", "Term ", 3), ("", "and termination.", 4), ("", "No longer numbered.", 5)]
    );
    assert_eq!(doc.notes, ["tracked changes in the draft were read as accepted (0 insertions, 2 deletions, 1 formatting change)"]);
    assert_spans_sound(&doc);
}

#[test]
fn a_deleted_table_row_disappears() {
    let row = |props: &str, a: &str, b: &str| format!("<w:tr>{props}<w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>", p(a), p(b));
    let body = format!(
        "<w:tbl>{}{}</w:tbl>",
        row("", "Term", "1 year"),
        row(r#"<w:trPr><w:del w:id="1" w:author="C"/></w:trPr>"#, "Exclusivity", "worldwide")
    );
    let doc = read(&Docx::new(&body).build());
    assert_eq!(doc.text, "Term | 1 year");
}

#[test]
fn a_field_left_open_does_not_hide_the_rest_of_the_draft() {
    let body = [
        r#"<w:p><w:r><w:t xml:space="preserve">Visible </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>hidden code</w:t></w:r></w:p>"#.to_owned(),
        p("The Client owns all work product."),
    ]
    .concat();
    let doc = read(&Docx::new(&body).build());
    assert_eq!(doc.text, "Visible \n\nThe Client owns all work product.");
}
