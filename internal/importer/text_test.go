package importer

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDecodeTextStripsBOMAndNormalisesLineEnds(t *testing.T) {
	got, err := decodeText([]byte("\xEF\xBB\xBFa\tb\r\nc\rd\n\"x\r\ny\""), "")
	if err != nil {
		t.Fatal(err)
	}
	if want := "a\tb\nc\nd\n\"x\ny\""; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDecodeTextTranscodesUTF16WithBOM(t *testing.T) {
	le := []byte{0xFF, 0xFE, 'h', 0, 0xE9, 0, '\t', 0, 'x', 0}
	be := []byte{0xFE, 0xFF, 0, 'h', 0, 0xE9, 0, '\t', 0, 'x'}
	for name, raw := range map[string][]byte{"LE": le, "BE": be} {
		got, err := decodeText(raw, "")
		if err != nil || got != "hé\tx" {
			t.Errorf("%s: %q, %v", name, got, err)
		}
	}
}

func TestDecodeTextReportsInvalidUTF8WithLine(t *testing.T) {
	_, err := decodeText([]byte("ok\tfine\nsecond\tline\ncaf\xE9\tx\n"), "")
	if err == nil || !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), "--encoding latin1") {
		t.Errorf("err = %v", err)
	}
	got, err := decodeText([]byte("caf\xE9\tx"), "latin1")
	if err != nil || got != "café\tx" {
		t.Errorf("latin1: %q, %v", got, err)
	}
	got, err = decodeText([]byte("\x93quoted\x94"), "cp1252")
	if err != nil || got != "“quoted”" {
		t.Errorf("cp1252: %q, %v", got, err)
	}
	if _, err := decodeText([]byte("x"), "ebcdic"); err == nil {
		t.Error("unknown encoding accepted")
	}
}

func TestUnescapeSep(t *testing.T) {
	for in, want := range map[string]string{`\t`: "\t", `\n\n`: "\n\n", `$$`: "$$", `\\n`: `\n`} {
		if got := unescapeSep(in); got != want {
			t.Errorf("unescapeSep(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadEmptyFileSaysSo(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{"empty.txt": "", "bom.csv": "\xEF\xBB\xBF", "blank.md": "\xEF\xBB\xBF\n \n",
		"utf16.txt": "\xFF\xFE"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, f := range []Format{"", FormatCSV} {
			_, err := Read(path, Options{Format: f})
			var empty *EmptyFileError
			if !errors.As(err, &empty) || !strings.Contains(err.Error(), name+": the file is empty") {
				t.Errorf("%s (format %q): err = %v", name, f, err)
			}
		}
	}
}

func TestReadBinaryAsTextNamesTheRightFormat(t *testing.T) {
	pkg := buildPackage(t, ankiLegacy1, sampleCollection(11), nil)
	_, err := Read(pkg, Options{Format: FormatCSV})
	if err == nil || !strings.Contains(err.Error(), "Anki package") || !strings.Contains(err.Error(), "--format apkg") ||
		strings.Contains(err.Error(), "encoding") {
		t.Errorf("apkg as csv: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "x.txt")
	if err := os.WriteFile(bin, []byte("\x00\x01\x02binary\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Read(bin, Options{Format: FormatTSV})
	if err == nil || !strings.Contains(err.Error(), "binary file") || strings.Contains(err.Error(), "encoding") {
		t.Errorf("binary as tsv: %v", err)
	}
}

func TestParseFormatListsKnownFormatsPlainly(t *testing.T) {
	_, err := ParseFormat("foo")
	if err == nil || strings.Contains(err.Error(), "[") || !strings.Contains(err.Error(), "apkg, colpkg, ") {
		t.Errorf("err = %v", err)
	}
}
