package importer

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"recall/internal/deck"
)

// WriteTSV writes cards as Anki's plain-text notes format (FORMATS §1):
// headers for the separator, HTML, GUID and tags columns, then one row per
// note (a reversed pair or a cloze text is one note). One note type or one
// deck goes in a header; several get a column each, which Anki reads as well.
// Fields are escaped as Anki escapes plain text (&, <, > and line breaks as
// <br>), so rows never span lines; a field holding a TAB or a quote, or
// starting with "#", is quoted. No BOM. Multiple-choice cards go out as
// Basic (their wrong options are dropped), typed cards lose extra accepted
// answers. Read gives the same cards back.
func WriteTSV(w io.Writer, cards []deck.Card) error {
	notes := groupNotes(cards)
	kinds, decks := map[deck.Type]bool{}, map[string]bool{}
	for _, n := range notes {
		kinds[n.kind] = true
		decks[n.deck] = true
	}
	bw := bufio.NewWriter(w)
	col := 2 // after the GUID column
	typeCol, deckCol := 0, 0
	bw.WriteString("#separator:tab\n#html:true\n")
	if len(kinds) == 1 {
		for k := range kinds {
			fmt.Fprintf(bw, "#notetype:%s\n", stockNotetypeName(k))
		}
	} else if len(kinds) > 1 {
		typeCol, col = col, col+1
	}
	// A #deck header of digits only is read as Anki's deck ID, which means
	// nothing elsewhere; such a name goes in a column.
	if len(decks) == 1 && !isAllDigits(oneLine(notes[0].deck)) {
		fmt.Fprintf(bw, "#deck:%s\n", oneLine(notes[0].deck))
	} else if len(decks) >= 1 {
		deckCol, col = col, col+1
	}
	bw.WriteString("#guid column:1\n")
	if typeCol > 0 {
		fmt.Fprintf(bw, "#notetype column:%d\n", typeCol)
	}
	if deckCol > 0 {
		fmt.Fprintf(bw, "#deck column:%d\n", deckCol)
	}
	fmt.Fprintf(bw, "#tags column:%d\n", col+2)
	for _, n := range notes {
		row := []string{tsvField(n.tsvGUID)}
		if typeCol > 0 {
			row = append(row, tsvField(stockNotetypeName(n.kind)))
		}
		if deckCol > 0 {
			row = append(row, tsvField(oneLine(n.deck)))
		}
		row = append(row, tsvField(escapeHTML(n.front)), tsvField(escapeHTML(n.back)), tsvField(ankiTags(n.tags)))
		bw.WriteString(strings.Join(row, "\t"))
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing TSV: %w", err)
	}
	return nil
}

// tsvField quotes a field when Anki's reader would otherwise split it or
// take it for a comment.
func tsvField(s string) string {
	if strings.ContainsAny(s, "\t\"\n\r") || strings.HasPrefix(s, "#") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
