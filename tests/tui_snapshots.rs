//! Whole screens of the workspace after a sequence of keys, drawn on a test terminal. The
//! draft, the library and the clock are fixed, so a snapshot changes only when the screen does.
//! Styled snapshots (`{:?}` of the buffer) record colours and modifiers too.

#[path = "tui_support/fixture.rs"]
mod fixture;

use clauseguard::tui::{App, Theme};
use clauseguard::workspace::MemorySession;
use fixture::*;
use ratatui::crossterm::event::Event;

fn sized(width: u16, height: u16, theme: Theme) -> App<'static> {
    app_with(MemorySession::new(session("acme-msa")), theme, width, height)
}

#[test]
fn start_screen_at_the_smallest_size() {
    let app = sized(80, 24, Theme::colour());
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn finding_detail_with_a_fallback_selected() {
    let mut app = sized(100, 36, Theme::colour());
    press(&mut app, "] Tab Tab j");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn countered_finding_and_a_note() {
    let mut app = sized(100, 30, Theme::colour());
    press(&mut app, "] c i");
    type_text(&mut app, "Counsel wants the frameworks too; offered narrow scope.");
    press(&mut app, "Enter");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn diff_side_by_side() {
    let mut app = sized(100, 30, Theme::colour());
    press(&mut app, "] ] ] ] s");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn revised_wording_against_the_previous_and_the_standard() {
    let mut app = sized(100, 36, Theme::colour());
    press(&mut app, "]");
    app.handle_event(&Event::Paste(
        "2. Ownership. All deliverables described in Schedule A shall be owned by Client upon full payment, including any tools and frameworks Agency uses."
            .into(),
    ));
    press(&mut app, "Enter");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn input_box_while_typing_a_note() {
    let mut app = sized(80, 24, Theme::colour());
    press(&mut app, "I");
    type_text(&mut app, "Client's counsel: Dana; call back Friday");
    press(&mut app, "Left Left");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn fee_calculator() {
    let mut app = sized(100, 30, Theme::colour());
    press(&mut app, "$");
    type_text(&mut app, "$120,000");
    press(&mut app, "Enter j Enter %");
    type_text(&mut app, "35");
    press(&mut app, "Enter");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn library_browser() {
    let mut app = sized(100, 30, Theme::colour());
    press(&mut app, "L j");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn library_search_by_question() {
    let mut app = sized(100, 30, Theme::colour());
    press(&mut app, "L /");
    type_text(&mut app, "why do you need a residuals clause?");
    press(&mut app, "Enter");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn help_overlay() {
    let mut app = sized(100, 40, Theme::colour());
    press(&mut app, "?");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn too_small_terminal() {
    let app = sized(79, 24, Theme::colour());
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn risky_phrases_and_diff_styles_in_colour() {
    let mut app = sized(100, 30, Theme::colour());
    press(&mut app, "] ] ] ]");
    insta::assert_snapshot!(format!("{:?}", draw(&app).backend().buffer()));
}

#[test]
fn no_color_theme_uses_modifiers_only() {
    let mut app = sized(80, 24, Theme::monochrome());
    press(&mut app, "] ]");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    assert!(buffer.content.iter().all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset));
    insta::assert_snapshot!(format!("{buffer:?}"));
}

/// The screen's rows joined with spaces, borders and padding squeezed out, so wrapped text
/// reads as one line.
fn flowing(app: &App<'_>) -> String {
    let text = screen(app).replace(['"', '│', '─', '┌', '┐', '└', '┘'], " ");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A save that fails with a long reason: the whole message is on screen, wrapped above the
/// hint bar, at the smallest size and at a wide one.
fn failed_save(width: u16, height: u16) -> App<'static> {
    let mut handle = MemorySession::new(session("acme-msa"));
    handle.fail_with = Some("/home/counsel/Documents/clauseguard/sessions/acme-msa.json: No space left on device (os error 28)".into());
    let mut app = app_with(handle, Theme::colour(), width, height);
    press(&mut app, "] c");
    app
}

#[test]
fn a_long_status_message_wraps_at_80x24() {
    let app = failed_save(80, 24);
    let message = app.message.as_ref().unwrap().text.clone();
    assert!(message.len() > 140, "{message}");
    assert!(flowing(&app).contains(&message), "{}", screen(&app));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn a_long_status_message_wraps_at_140x40() {
    let app = failed_save(140, 40);
    let message = app.message.as_ref().unwrap().text.clone();
    assert!(flowing(&app).contains(&message), "{}", screen(&app));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn a_short_status_message_stays_in_the_status_bar() {
    let mut app = sized(140, 40, Theme::colour());
    press(&mut app, "f");
    let first_row = screen(&app).lines().next().unwrap().to_owned();
    assert!(first_row.contains("showing the 3 entries with findings (of 7); f shows all"), "{first_row}");
}

/// At the smallest size the hint bar takes two rows and names every key of the main screen.
#[test]
fn the_hint_bar_keeps_every_key_at_80x24() {
    let app = sized(80, 24, Theme::colour());
    let rows: Vec<String> = screen(&app).lines().map(str::to_owned).collect();
    let bar = rows[rows.len() - 3..].join(" ");
    for hint in clauseguard::tui::keymap::hints(&app.contexts()) {
        assert!(bar.contains(&format!(" {} {} ", hint.key, hint.word)), "{} {} missing from the hint bar:\n{bar}", hint.key, hint.word);
    }
}

#[test]
fn choosing_the_clause_for_an_ambiguous_paste() {
    let mut app = sized(80, 24, Theme::colour());
    app.handle_event(&Event::Paste("2. Agency Materials. Agency grants Client a non-exclusive licence to its tools.".into()));
    insta::assert_snapshot!(draw(&app).backend());
}

/// The agency window over a draft whose tracked changes were read as accepted; the status bar
/// says so where there is room (100 columns), and leaves it out at 80.
#[test]
fn agency_window() {
    let mut tracked = session("acme-msa");
    tracked.rounds[0].notes = vec!["tracked changes in the draft were read as accepted (2 insertions, 1 deletion)".into()];
    let mut app = app_with(MemorySession::new(tracked.clone()), Theme::colour(), 100, 30);
    press(&mut app, "A");
    insta::assert_snapshot!(draw(&app).backend());
    let narrow = app_with(MemorySession::new(tracked), Theme::colour(), 80, 24);
    let status = screen(&narrow).lines().next().unwrap().to_owned();
    assert_eq!(status, "\" acme-msa │ round 1 │ 5 open │ agency: Agency │ nothing to save yet             \"");
}

#[test]
fn the_agency_window_lists_every_party_and_scrolls_to_the_selected_one() {
    use clauseguard::tui::{AgencyView, Overlay};
    let mut app = sized(80, 24, Theme::colour());
    press(&mut app, "A");
    let Some(Overlay::Agency(view)) = &app.overlay else { panic!("A opens the agency window") };
    assert_eq!(view.candidates, ["Agency", "Client"], "the draft's two parties, the agency first");
    // More parties than the window has room for at 80x24.
    let candidates: Vec<String> = (1..=20).map(|n| format!("Party {n}")).collect();
    app.overlay = Some(Overlay::Agency(AgencyView { candidates, row: 0 }));
    let shows = |app: &App<'_>, text: &str| screen(app).contains(text);
    assert!(shows(&app, "▸ Party 1 ") && !shows(&app, "another name…"));
    press(&mut app, &["j"; 20].join(" "));
    assert!(shows(&app, "▸ another name…") && shows(&app, "Party 20") && !shows(&app, "Party 1 "), "{}", screen(&app));
    press(&mut app, "k");
    assert!(shows(&app, "▸ Party 20"));
    press(&mut app, "Enter");
    let error = app.input.as_ref().and_then(|i| i.error.clone()).or_else(|| app.message.as_ref().map(|m| m.text.clone()));
    assert!(error.is_some_and(|e| e.contains("Party 20")), "a name the draft never uses is refused, saying which");
}
