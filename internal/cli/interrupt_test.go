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

// TestCtrlCEndsALongImportAndLeavesTheCollectionWhole interrupts an import
// of 200,000 rows once the collection file exists: recall must exit 130 at
// once, with the collection either untouched or complete, never half of
// the file.
func TestCtrlCEndsALongImportAndLeavesTheCollectionWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a large file")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "collection.db")
	tsv := filepath.Join(dir, "big.tsv")
	var b bytes.Buffer
	const rows = 200_000
	for i := range rows {
		fmt.Fprintf(&b, "front %d\tback %d\n", i, i)
	}
	if err := os.WriteFile(tsv, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(recallBin, "import", tsv)
	cmd.Env = recallEnv(db)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if _, err := os.Stat(db); err == nil {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the collection file never appeared")
		}
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != ExitInterrupted {
		t.Fatalf("import after Ctrl-C: %v, want exit %d\n%s", err, ExitInterrupted, errOut.String())
	}
	if !strings.Contains(errOut.String(), "recall: interrupted; a change still in progress was not saved") {
		t.Errorf("stderr: %s", errOut.String())
	}
	if out := recallCmd(t, db, "doctor"); !strings.Contains(out, "no problems found") {
		t.Errorf("doctor after the interrupt:\n%s", out)
	}
	var decks []struct{ Cards int }
	if err := json.Unmarshal([]byte(recallCmd(t, db, "decks", "--json")), &decks); err != nil {
		t.Fatal(err)
	}
	cards := 0
	for _, d := range decks {
		cards += d.Cards
	}
	if cards != 0 && cards != rows {
		t.Errorf("%d cards after the interrupted import, want none or all %d", cards, rows)
	}
	t.Logf("%d cards after the interrupt", cards)
}
