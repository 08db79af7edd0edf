package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"recall/internal/term"
)

func TestImportQuizletSeparatorMistakesAreUsageErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "words.txt")
	if err := os.WriteFile(file, []byte("cat - chat\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "c.db")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--term-sep", ""}, "--term-sep is empty"},
		{[]string{"--row-sep", ""}, "--row-sep is empty"},
		{[]string{"--format", "tsv", "--term-sep", " - "}, "not --format tsv"},
	} {
		var out, errOut bytes.Buffer
		args := append(append([]string{"--db", db, "import"}, tc.args...), file)
		code := Run(args, term.Test(strings.NewReader(""), &out, &errOut, false))
		if code != ExitUsage || !strings.Contains(errOut.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, errOut.String())
		}
	}
	// A mistake in the command line does not create the collection.
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("collection created (%v)", err)
	}
}
