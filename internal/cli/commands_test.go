package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"recall/internal/review"
	"recall/internal/sched"
	"recall/internal/store"
	"recall/internal/term"
)

// runCLI runs one recall command line in-process without a terminal and
// returns its exit code, stdout and stderr.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(args, term.Test(strings.NewReader(""), &out, &errOut, false))
	return code, out.String(), errOut.String()
}

// smallCollection imports a two-card deck into a new collection and
// returns its path.
func smallCollection(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	file := filepath.Join(dir, "d.md")
	if err := os.WriteFile(file, []byte("---\ndeck: D\n---\nQ: first\nA: one\nid: q1\n\nQ: second\nA: two\nid: q2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "--db", db, "import", file); code != ExitOK {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	return db
}

func TestRestoreTakesANameFromBackupList(t *testing.T) {
	db := smallCollection(t)
	if code, _, stderr := runCLI(t, "--db", db, "backup"); code != ExitOK {
		t.Fatalf("backup: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "--db", db, "backup", "--list")
	name := strings.TrimSpace(stdout)
	if code != ExitOK || strings.Contains(name, "\n") || strings.ContainsRune(name, filepath.Separator) {
		t.Fatalf("backup --list: exit %d, stdout %q: want one bare name", code, stdout)
	}
	if !strings.Contains(stderr, filepath.Join(filepath.Dir(db), "backups")) {
		t.Errorf("backup --list does not name the folder: %q", stderr)
	}
	// Run from another folder: the name is found in the backup folder.
	t.Chdir(t.TempDir())
	if code, stdout, stderr := runCLI(t, "--db", db, "restore", name); code != ExitOK || !strings.Contains(stdout, "restored") {
		t.Errorf("restore %s: exit %d, stdout %q, stderr %q", name, code, stdout, stderr)
	}
	if code, _, stderr := runCLI(t, "--db", db, "restore", "no-such-backup.db"); code != ExitError || !strings.Contains(stderr, "backup --list") {
		t.Errorf("restore of a missing name: exit %d, stderr %q", code, stderr)
	}
}

func TestRestoreOfAFileThatIsNotABackupLeavesTheCollection(t *testing.T) {
	db := smallCollection(t)
	tsv := filepath.Join(t.TempDir(), "some.tsv")
	if err := os.WriteFile(tsv, []byte("front\tback\nq\ta\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "--db", db, "restore", tsv)
	if code != ExitError || !strings.Contains(stderr, "not a recall backup") || strings.Contains(stderr, "restore a backup") {
		t.Errorf("exit %d, stderr %q: want exit 1 saying the file is not a backup", code, stderr)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the collection changed")
	}
}

func TestSearchRefusesQueriesThatWouldMatchEverything(t *testing.T) {
	db := smallCollection(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{`\`}, "no letters or digits"},
		{[]string{"???"}, "no letters or digits"},
		{[]string{"(", "*"}, "no letters or digits"},
		{[]string{"deck:"}, "deck:Spanish"},
		{[]string{"tag:"}, "tag:verbs"},
		{[]string{"id:"}, "id:3f2a"},
		{[]string{"--limit", "-1", "first"}, "--limit must be 0 or more"},
	} {
		code, stdout, stderr := runCLI(t, append([]string{"--db", db, "search"}, tc.args...)...)
		if code != ExitUsage || stdout != "" || !strings.Contains(stderr, tc.want) {
			t.Errorf("search %q: exit %d, stdout %q, stderr %q; want exit 2 saying %q", tc.args, code, stdout, stderr, tc.want)
		}
	}
	// Punctuation beside a word or a term is left out, not refused.
	for _, args := range [][]string{{"first?"}, {"first", "?"}, {"deck:D", "?", "first"}} {
		code, stdout, stderr := runCLI(t, append([]string{"--db", db, "search"}, args...)...)
		if code != ExitOK || strings.Count(stdout, "\n") != 1 || !strings.Contains(stdout, "first") {
			t.Errorf("search %q: exit %d, stdout %q, stderr %q; want the one card", args, code, stdout, stderr)
		}
	}
}

func TestConfigShowsTheFSRSParametersInEffect(t *testing.T) {
	db := smallCollection(t)
	code, stdout, stderr := runCLI(t, "--db", db, "config", "fsrs_params")
	if code != ExitOK || strings.TrimSpace(stdout) != formatParams(sched.DefaultParams[:]) || !strings.Contains(stderr, "defaults") {
		t.Errorf("before optimize: exit %d, stdout %q, stderr %q; want the defaults, marked", code, stdout, stderr)
	}
	fitted := append([]float64(nil), sched.DefaultParams[:]...)
	fitted[0], fitted[3] = 0.5, 9.25
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = st.PutParams(review.FittedParamsKey, review.Fitted{Params: fitted, Time: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC), Items: 500})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runCLI(t, "--db", db, "config", "fsrs_params")
	if code != ExitOK || strings.TrimSpace(stdout) != formatParams(fitted) || !strings.Contains(stderr, "fitted by `recall optimize` on 2026-01-10") {
		t.Errorf("after optimize: exit %d, stdout %q, stderr %q; want the fitted parameters", code, stdout, stderr)
	}
	// What config prints is a value config takes back.
	params := strings.TrimSpace(stdout)
	code, stdout, _ = runCLI(t, "--db", db, "config")
	if code != ExitOK || !regexp.MustCompile(`(?m)^fsrs_params +0\.5000, .*\(fitted by`).MatchString(stdout) {
		t.Errorf("config listing: exit %d, stdout %q", code, stdout)
	}
	if code, _, stderr := runCLI(t, "--db", db, "config", "fsrs_params", params); code != ExitOK {
		t.Errorf("setting the printed parameters: exit %d, stderr %q", code, stderr)
	}
}

func TestConfigStoresSettingsInOneCase(t *testing.T) {
	db := smallCollection(t)
	for in, want := range map[string]string{"SM2": "sm2", "Fsrs": "fsrs"} {
		if code, _, stderr := runCLI(t, "--db", db, "config", "scheduler", in); code != ExitOK {
			t.Fatalf("config scheduler %s: exit %d, stderr %q", in, code, stderr)
		}
		if _, stdout, _ := runCLI(t, "--db", db, "config", "scheduler"); strings.TrimSpace(stdout) != want {
			t.Errorf("after config scheduler %s: scheduler is %q, want %q", in, stdout, want)
		}
	}
	if code, _, stderr := runCLI(t, "--db", db, "config", "scheduler", "anki"); code != ExitUsage || !strings.Contains(stderr, "want fsrs or sm2") {
		t.Errorf("unknown scheduler: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr := runCLI(t, "--db", db, "config", "learning_steps", "1m 200000d")
	if code != ExitUsage || !strings.Contains(stderr, "at most 36500d") {
		t.Errorf("a step too long: exit %d, stderr %q; want the maximum", code, stderr)
	}
}
