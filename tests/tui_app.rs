//! `App::update` transitions driven by key presses, against an in-memory session.

#[path = "tui_support/fixture.rs"]
mod fixture;

use fixture::*;

#[test]
fn explore() {
    let mut app = app();
    press(&mut app, "]");
    press(&mut app, "]");
    println!("{}", screen(&app));
    press(&mut app, "s ] ]");
    println!("{}", screen(&app));
    press(&mut app, "Tab Tab j j c");
    println!("{}", screen(&app));
    press(&mut app, "i");
    type_text(&mut app, "They want the tools too");
    println!("{}", screen(&app));
    press(&mut app, "Enter");
    println!("{}", screen(&app));
    press(&mut app, "$");
    println!("{}", screen(&app));
    type_text(&mut app, "$120k");
    press(&mut app, "Enter j Enter");
    println!("{}", screen(&app));
    press(&mut app, "Esc L");
    println!("{}", screen(&app));
    press(&mut app, "Esc ?");
    println!("{}", screen(&app));
}
