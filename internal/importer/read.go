package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Read reads one deck file. The format comes from opt.Format or, when that is
// empty, from Detect. Problems with single rows land in the Result; a file
// that cannot be read as a whole is an error naming the file (for an unknown
// format, an *UnknownFormatError listing the formats tried).
func Read(path string, opt Options) (*Result, error) {
	return readFile(path, opt, defaultLimits)
}

func readFile(path string, opt Options, lim limits) (*Result, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a folder; import its files with ReadDir", path)
	}
	head, err := readHead(path)
	if err != nil {
		return nil, err
	}
	if isEmpty(head, st.Size()) {
		// Said plainly: detection would call it an unknown format, and a
		// forced format would import nothing without a word.
		return nil, &EmptyFileError{Path: path}
	}
	format := opt.Format
	if format == "" {
		if format, err = Detect(path, head); err != nil {
			return nil, err
		}
	} else if _, err := ParseFormat(string(format)); err != nil {
		return nil, err
	} else if err := binaryAsText(path, head, format); err != nil {
		return nil, err
	}
	res := &Result{Path: path, Format: format}
	if err := readAs(res, path, format, opt, lim); err != nil {
		var named errAlreadyNamed
		if errors.As(err, &named) {
			return nil, named.error
		}
		return nil, fmt.Errorf("%s (%s): %w", path, format, err)
	}
	return res, nil
}

// EmptyFileError says a file holds no text at all (or only a byte-order
// mark or white space), so there is nothing to import from it.
type EmptyFileError struct{ Path string }

// Error names the file and says it is empty.
func (e *EmptyFileError) Error() string {
	return fmt.Sprintf("%s: the file is empty; nothing to import", e.Path)
}

// isEmpty reports a file with no content besides a BOM and white space;
// size is the whole file's, head its start.
func isEmpty(head []byte, size int64) bool {
	if size == 0 {
		return true
	}
	return size <= int64(len(head)) && !looksBinary(head) && strings.TrimSpace(headText(head)) == ""
}

// isTextFormat says whether f is read as text, which a binary file cannot be.
func isTextFormat(f Format) bool {
	return f != FormatAPKG && f != FormatColpkg && f != FormatAnki2
}

// binaryAsText refuses a binary file (a zip, a database) that --format asks
// to read as text: decoding it would only complain about invalid UTF-8 and
// point at the wrong remedy (an encoding), when the format is what is wrong.
func binaryAsText(path string, head []byte, want Format) error {
	binary := bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("SQLite format 3\x00")) || looksBinary(head)
	if !isTextFormat(want) || !binary {
		return nil
	}
	if got, err := Detect(path, head); err == nil && !isTextFormat(got) {
		return fmt.Errorf("%s: this is %s, a binary file, not %s text; use --format %s, or leave out --format to detect the format",
			path, describeFormat(got), want, got)
	}
	return fmt.Errorf("%s: this looks like a binary file, not %s text; check that it is the file you meant, or leave out --format to detect its format", path, want)
}

// describeFormat names a binary format for a message.
func describeFormat(f Format) string {
	switch f {
	case FormatAPKG:
		return "an Anki package (.apkg)"
	case FormatColpkg:
		return "an Anki collection package (.colpkg)"
	case FormatAnki2:
		return "an Anki collection database (.anki2)"
	}
	return string(f)
}

func readAs(res *Result, path string, format Format, opt Options, lim limits) error {
	switch format {
	case FormatAPKG, FormatColpkg:
		return readPackage(res, path, opt, lim)
	case FormatAnki2:
		return readBareCollection(res, path, opt)
	}
	text, err := readText(path, opt.Encoding)
	if err != nil {
		return err
	}
	name := deckStem(path)
	switch format {
	case FormatMarkdown, FormatHashcards:
		return readMarkdown(res, text, path, opt)
	case FormatCSV, FormatTSV:
		err := readCSV(res, text, name, opt)
		if err != nil && opt.Format == "" {
			return &UnknownFormatError{Path: path, Reason: err.Error(), Tried: Formats}
		}
		return err
	case FormatAnkiText:
		return readAnkiText(res, text, name, opt)
	case FormatObsidian:
		return readObsidian(res, text, name, opt)
	case FormatQuizlet:
		return readQuizlet(res, text, name, opt)
	case FormatMnemosyne:
		return readMnemosyneTSV(res, text, name, opt)
	case FormatMnemosyneXML:
		return readMnemosyneXML(res, text, name, opt)
	case FormatJSON:
		decks, reviews, err := ReadJSON(strings.NewReader(text))
		if err != nil {
			return err
		}
		if opt.Deck != "" {
			for i := range decks {
				renameDeck(&decks[i], opt.Deck)
			}
		}
		res.Decks = decks
		if opt.WithHistory {
			res.Reviews = reviews
		}
		return nil
	case FormatRevlog:
		reviews, errs, err := parseRevlog(text)
		res.Reviews, res.Errors = reviews, append(res.Errors, errs...)
		return err
	}
	return fmt.Errorf("format %q cannot be read", format)
}

// readText reads and decodes a whole text file, capped.
func readText(path, enc string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, maxTextBytes+1))
	if err != nil {
		return "", err
	}
	if len(raw) > maxTextBytes {
		return "", fmt.Errorf("text file larger than %d MiB", maxTextBytes>>20)
	}
	return decodeText(raw, enc)
}

// deckStem is the deck name a file gives when nothing inside names one.
func deckStem(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// deckExtensions are the file name endings ReadDir considers.
var deckExtensions = map[string]bool{
	".md": true, ".markdown": true, ".csv": true, ".tsv": true, ".txt": true, ".apkg": true,
	".colpkg": true, ".anki2": true, ".anki21": true, ".xml": true, ".json": true,
}

// ReadDir reads every deck file under dir, recursively, in lexical order.
// Hidden files and folders are skipped, and so are files that are not a deck
// format (a README.md without cards, other JSON or XML). A deck file that
// fails does not stop the walk: the results of the others come back with an
// error joining each failure (each naming its file).
func ReadDir(dir string, opt Options) ([]*Result, error) {
	var results []*Result
	var errs []error
	walkErr := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() || !deckExtensions[strings.ToLower(filepath.Ext(path))] {
			return nil
		}
		if !isDeckFile(path, opt.Format) {
			return nil
		}
		res, err := readFile(path, opt, defaultLimits)
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		results = append(results, res)
		return nil
	})
	if walkErr != nil {
		errs = append(errs, walkErr)
	}
	return results, errors.Join(errs...)
}

// formatExtensions are the files ReadDir reads when a format is forced.
var formatExtensions = map[Format][]string{
	FormatMarkdown: {".md", ".markdown"}, FormatHashcards: {".md", ".markdown"}, FormatObsidian: {".md", ".markdown"},
	FormatCSV: {".csv", ".txt"}, FormatTSV: {".tsv", ".txt"}, FormatAnkiText: {".txt", ".csv", ".tsv"},
	FormatQuizlet: {".txt", ".csv", ".tsv"}, FormatMnemosyne: {".txt", ".tsv"}, FormatMnemosyneXML: {".xml"},
	FormatJSON: {".json"}, FormatRevlog: {".csv"}, FormatAPKG: {".apkg"}, FormatColpkg: {".colpkg"},
	FormatAnki2: {".anki2", ".anki21"},
}

// isDeckFile decides whether ReadDir should read path. With a forced format
// the extension must fit it; otherwise detection must recognise the file.
// Either way a Markdown file must hold cards, so a README is passed over.
func isDeckFile(path string, want Format) bool {
	ext := strings.ToLower(filepath.Ext(path))
	head, err := readHead(path)
	if err != nil {
		return true // let Read report it
	}
	markdown := ext == ".md" || ext == ".markdown"
	if want != "" {
		fits := false
		for _, e := range formatExtensions[want] {
			fits = fits || e == ext
		}
		if !fits {
			return false
		}
		if want == FormatMarkdown || want == FormatHashcards {
			return cardLine.MatchString(headText(head))
		}
		return true
	}
	got, err := Detect(path, head)
	if err != nil {
		var unsupported *UnsupportedFormatError
		return errors.As(err, &unsupported) // worth reporting
	}
	if got == FormatMarkdown && markdown {
		return cardLine.MatchString(headText(head))
	}
	return true
}
