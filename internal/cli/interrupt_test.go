package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCtrlCEndsLongCommandsAndLeavesNothingHalfDone interrupts imports of
// 100,000 rows into a collection that already has cards (so each import
// first makes a backup), and a dry run (which works on a scratch copy), at
// several moments. recall must exit 130 (or 0 when it finished first),
// with the collection untouched or complete and no temporary file left.
func TestCtrlCEndsLongCommandsAndLeavesNothingHalfDone(t *testing.T) {
	if testing.Short() {
		t.Skip("writes large files")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "collection.db")
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o700); err != nil {
		t.Fatal(err)
	}
	const rows = 100_000
	tsv := func(name string) string {
		var b bytes.Buffer
		for i := range rows {
			fmt.Fprintf(&b, "%s %d\tback %d\n", name, i, i)
		}
		p := filepath.Join(dir, name+".tsv")
		if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	recallCmd(t, db, "import", tsv("first"))
	cards := func() int {
		var decks []struct{ Cards int }
		if err := json.Unmarshal([]byte(recallCmd(t, db, "decks", "--json")), &decks); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, d := range decks {
			n += d.Cards
		}
		return n
	}
	backups := func() int { es, _ := os.ReadDir(filepath.Join(dir, "backups")); return len(es) }
	started := func(before int) bool {
		left, _ := os.ReadDir(tmp)
		return backups() > before || len(left) > 0 // a backup, or a dry run's scratch copy
	}
	interrupted := 0
	for i, delay := range []time.Duration{0, 100 * time.Millisecond, 300 * time.Millisecond, 600 * time.Millisecond} {
		before := cards()
		args := []string{"import", tsv(fmt.Sprintf("more%d", i))}
		if i%2 == 1 {
			args = []string{"import", "--dry-run", args[1]}
		}
		cmd := exec.Command(recallBin, args...)
		cmd.Env = append(recallEnv(db), "TMPDIR="+tmp)
		var errOut bytes.Buffer
		cmd.Stderr = &errOut
		nb := backups()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		// Signal only once the command is at work, past the start-up in
		// which Go's default action for SIGINT would still apply.
		var err error
		finished := false
	wait:
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(2 * time.Millisecond) {
			select {
			case err = <-done:
				finished = true
				break wait
			default:
			}
			if started(nb) {
				break
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatalf("%v never started its work", args)
			}
		}
		if !finished {
			time.Sleep(delay)
			if err := cmd.Process.Signal(os.Interrupt); err != nil && !errors.Is(err, os.ErrProcessDone) {
				t.Fatal(err)
			}
			err = <-done
		}
		var exit *exec.ExitError
		switch {
		case err == nil:
			t.Logf("%v after %v: finished before the interrupt", args, delay)
		case errors.As(err, &exit) && exit.ExitCode() == ExitInterrupted:
			interrupted++
			if !strings.Contains(errOut.String(), "recall: interrupted") {
				t.Errorf("%v: stderr %q", args, errOut.String())
			}
		default:
			t.Fatalf("%v after %v: %v\n%s", args, delay, err, errOut.String())
		}
		if n := cards(); n != before && (args[1] == "--dry-run" || n != before+rows) {
			t.Errorf("%v after %v: %d cards, want %d or all %d more", args, delay, n, before, rows)
		}
		if out := recallCmd(t, db, "doctor"); !strings.Contains(out, "no problems found") {
			t.Errorf("doctor after %v:\n%s", args, out)
		}
		left, _ := filepath.Glob(filepath.Join(tmp, "*"))
		parts, _ := filepath.Glob(filepath.Join(dir, "backups", "*.part"))
		if len(left)+len(parts) > 0 {
			t.Errorf("%v after %v left %v %v", args, delay, left, parts)
		}
	}
	if interrupted == 0 {
		t.Error("no run was interrupted: every command finished before its signal")
	}
}
