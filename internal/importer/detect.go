package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/text/encoding/unicode"
)

// headSize is how much of a file Detect is given by Read.
const headSize = 8 << 10

// UnknownFormatError says a file matched no format Read understands.
type UnknownFormatError struct {
	Path   string
	Reason string
	Tried  []Format
}

// Error names the file and the formats tried and points at --format.
func (e *UnknownFormatError) Error() string {
	tried := make([]string, len(e.Tried))
	for i, f := range e.Tried {
		tried[i] = string(f)
	}
	return fmt.Sprintf("%s: unknown deck format (%s); tried %s; name the format with --format", e.Path, e.Reason, strings.Join(tried, ", "))
}

// UnsupportedFormatError says a file is in a known format recall cannot read.
type UnsupportedFormatError struct {
	Path, Format, Hint string
}

// Error names the file and format and says what to do instead.
func (e *UnsupportedFormatError) Error() string {
	return fmt.Sprintf("%s: %s files are not supported; %s", e.Path, e.Format, e.Hint)
}

var (
	revlogFirst  = regexp.MustCompile(`^\s*card_id\s*,`)
	recallJSON   = regexp.MustCompile(`"format"\s*:\s*"recall"`)
	mnemosyneXML = regexp.MustCompile(`<mnemosyne\b[^>]*\bcore_version\s*=\s*["']1["']`)
	cardLine     = regexp.MustCompile(`(?m)^[QACRMT]:`)
	obsSeparator = regexp.MustCompile(`(?m)::|^\s*\?\??\s*$|==[^=\n]+==`)
	flashcardTag = regexp.MustCompile(`(?mi)(^|\s)#flashcards\b|^tags:.*\bflashcards\b|^\s*-\s*flashcards\b`)
	drillTag     = regexp.MustCompile(`(?m)^\*+ .*:drill:`)
)

// Detect names the format of a file from its first bytes, looking at content
// first and using the extension of path only to break ties (FORMATS §0).
// For a zip or SQLite file it opens path to look inside.
func Detect(path string, head []byte) (Format, error) {
	ext := strings.ToLower(filepath.Ext(path))
	unknown := func(reason string) (Format, error) {
		return "", &UnknownFormatError{Path: path, Reason: reason, Tried: Formats}
	}
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return detectZip(path, ext)
	case bytes.HasPrefix(head, []byte("SQLite format 3\x00")):
		db, err := openSQLiteRO(path)
		if err != nil {
			return unknown("an SQLite file that could not be opened")
		}
		defer db.Close()
		var n int
		if db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'col'`).Scan(&n) != nil || n == 0 {
			return unknown("an SQLite database without Anki's col table")
		}
		return FormatAnki2, nil
	case looksBinary(head):
		return unknown("binary data")
	}
	text := headText(head)
	trimmed := strings.TrimLeft(text, " \t\n")
	first, _, _ := strings.Cut(text, "\n")
	switch {
	case strings.HasPrefix(trimmed, "<"):
		if mnemosyneXML.MatchString(text) {
			return FormatMnemosyneXML, nil
		}
		return unknown("XML that is not a Mnemosyne 1.x export")
	case strings.HasPrefix(trimmed, "{"):
		if recallJSON.MatchString(text) {
			return FormatJSON, nil
		}
		return unknown("JSON that is not a recall export")
	case revlogFirst.MatchString(first):
		return FormatRevlog, nil
	case ankiHeaderKey(first):
		return FormatAnkiText, nil
	case ext == ".org":
		if drillTag.MatchString(text) {
			return "", &UnsupportedFormatError{Path: path, Format: "org-drill", Hint: "export the cards as tab-separated text"}
		}
		return unknown("an Org file without :drill: headings")
	case cardLine.MatchString(text) && ext != ".csv" && ext != ".tsv":
		return FormatMarkdown, nil
	case (ext == ".md" || ext == ".markdown") && flashcardTag.MatchString(text) && obsSeparator.MatchString(text):
		return FormatObsidian, nil
	case ext == ".md" || ext == ".markdown":
		return FormatMarkdown, nil
	case strings.HasPrefix(first, "#"):
		return FormatAnkiText, nil // a comment block, as Anki reads it
	}
	if d, _ := sniffDelimiter(text, 1); d == 0 {
		return unknown("text whose lines no TAB, comma, semicolon or pipe splits into fields")
	}
	if ext == ".tsv" {
		return FormatTSV, nil
	}
	return FormatCSV, nil
}

// detectZip tells Anki packages from other zipped deck formats by their
// members.
func detectZip(path, ext string) (Format, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		switch ext {
		case ".apkg":
			return FormatAPKG, nil
		case ".colpkg":
			return FormatColpkg, nil
		}
		return "", &UnknownFormatError{Path: path, Reason: "a zip archive that could not be opened", Tried: Formats}
	}
	defer zr.Close()
	has := map[string]bool{}
	for _, f := range zr.File {
		has[f.Name] = true
	}
	switch {
	case has["collection.anki21b"] || has["collection.anki21"] || has["collection.anki2"]:
		if ext == ".colpkg" {
			return FormatColpkg, nil
		}
		return FormatAPKG, nil
	case has["cards.xml"] && has["METADATA"]:
		return "", &UnsupportedFormatError{Path: path, Format: "Mnemosyne 2 .cards", Hint: "export the cards from Mnemosyne as tab-separated text"}
	case has["data.json"] || has["data.edn"]:
		return "", &UnsupportedFormatError{Path: path, Format: "Mochi", Hint: "export the deck from Mochi as Markdown or CSV"}
	}
	return "", &UnknownFormatError{Path: path, Reason: "a zip archive without an Anki collection", Tried: Formats}
}

// headText decodes the start of a file leniently, for detection only: the
// head may end inside a character.
func headText(head []byte) string {
	switch {
	case bytes.HasPrefix(head, bomUTF16LE), bytes.HasPrefix(head, bomUTF16BE):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(head[:len(head)&^1])
		if err == nil {
			head = out
		}
	}
	head = bytes.TrimPrefix(head, bomUTF8)
	return normalizeNewlines(string(head))
}

// readHead reads the first headSize bytes of a file.
func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, headSize)
	n, err := io.ReadFull(f, buf)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	return buf[:n], nil
}
