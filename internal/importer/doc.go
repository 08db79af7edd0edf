// Package importer reads foreign deck formats into recall's cards and writes
// the export formats.
//
// Every reader turns one file into a Result: decks of cards, optionally a
// review history, and per-line reports of what was skipped or wrong. A bad
// row never aborts a file; a file that cannot be read as a whole (unknown
// format, invalid UTF-8, corrupt package) fails with an error naming the file.
//
// Identity. Re-importing a file must update cards rather than duplicate them,
// so every card gets a stable key. Anki notes carry a GUID: the card made
// from template (or cloze) ordinal 0 takes the GUID itself as its ID and the
// others take GUID/N, N being recall's card number (side 2 of a reversed
// note, deletion 3 of a cloze). Keeping the GUID readable in the ID, rather
// than hashing it, lets the Anki writers hand the same GUID back to Anki, so
// a deck that goes recall → Anki → recall keeps its IDs, and a card can be
// traced to its note. Formats without a key get the deck-and-front ID of
// deck.Card.AssignID; Mnemosyne items hash their item id.
//
// Text. Input is decoded strictly (UTF-8, UTF-16 with a BOM, Latin-1 on
// request), a BOM is dropped, and CRLF and lone CR become LF before any
// parsing, so line numbers in reports match what an editor shows.
//
// Safety. Packages are zip files from strangers: member names and media names
// are checked before use, media is written through an os.Root so nothing
// lands outside the media folder, and entry counts and sizes are capped while
// the bytes stream, never trusting the sizes a zip header claims.
package importer
