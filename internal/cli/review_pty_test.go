package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"

	"recall/internal/deck"
	"recall/internal/sched"
	"recall/internal/store"
)

// recallBin is the real binary, built once for the terminal tests.
var recallBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "recall-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	recallBin = filepath.Join(dir, "recall")
	build := exec.Command("go", "build", "-o", recallBin, "recall/cmd/recall")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build recall for the terminal tests:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// waitLimit is how long a terminal test waits for text to appear. It is
// generous because the machine may be busy; nothing measures time.
const waitLimit = 30 * time.Second

// ptyRun is the real recall running on a pseudo-terminal.
type ptyRun struct {
	t    *testing.T
	cmd  *exec.Cmd
	tty  *os.File
	mu   sync.Mutex
	buf  bytes.Buffer // everything the program wrote, escape codes removed
	raw  bytes.Buffer // everything the program wrote, as written
	seen int          // how far expect has read
	done chan struct{}
}

// recallEnv is the environment of one test collection.
func recallEnv(db string) []string {
	home := filepath.Dir(db)
	return append(os.Environ(), "RECALL_DB="+db, "RECALL_NOW=2026-03-02T10:00:00Z", "TZ=UTC",
		"TERM=xterm", "NO_COLOR=1", "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, "data"),
		"EDITOR=false", "VISUAL=")
}

// recallCmd runs recall without a terminal and returns its stdout.
func recallCmd(t *testing.T, db string, args ...string) string {
	t.Helper()
	cmd := exec.Command(recallBin, args...)
	cmd.Env = recallEnv(db)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("recall %s: %v\n%s", strings.Join(args, " "), err, errOut.String())
	}
	return out.String()
}

func startPty(t *testing.T, db string, args ...string) *ptyRun {
	t.Helper()
	return startPtyEnv(t, recallEnv(db), args...)
}

// startPtyEnv runs recall on a pseudo-terminal with the given environment.
func startPtyEnv(t *testing.T, env []string, args ...string) *ptyRun {
	t.Helper()
	return startPtySized(t, env, 80, args...)
}

// startPtySized runs recall on a pseudo-terminal cols columns wide.
func startPtySized(t *testing.T, env []string, cols uint16, args ...string) *ptyRun {
	t.Helper()
	cmd := exec.Command(recallBin, args...)
	cmd.Env = env
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: cols})
	if err != nil {
		t.Fatal(err)
	}
	p := &ptyRun{t: t, cmd: cmd, tty: tty, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		b := make([]byte, 4096)
		for {
			n, err := tty.Read(b)
			if n > 0 {
				p.mu.Lock()
				p.raw.Write(b[:n])
				p.buf.WriteString(stripEscapes(string(b[:n])))
				p.mu.Unlock()
			}
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		tty.Close()
	})
	return p
}

var escapes = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\r`)

func stripEscapes(s string) string { return escapes.ReplaceAllString(s, "") }

// expect waits until text appears after what was already matched and
// returns everything up to and including it.
func (p *ptyRun) expect(text string) string {
	p.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		p.mu.Lock()
		all := p.buf.String()
		if i := strings.Index(all[p.seen:], text); i >= 0 {
			got := all[p.seen : p.seen+i+len(text)]
			p.seen += i + len(text)
			p.mu.Unlock()
			return got
		}
		p.mu.Unlock()
		select {
		case <-p.done:
			p.mu.Lock()
			defer p.mu.Unlock()
			if strings.Contains(p.buf.String()[p.seen:], text) {
				continue
			}
			p.t.Fatalf("recall ended before %q appeared; output:\n%s", text, p.buf.String())
		default:
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("%q did not appear within %v; output:\n%s", text, waitLimit, p.output())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (p *ptyRun) send(keys string) {
	p.t.Helper()
	if _, err := io.WriteString(p.tty, keys); err != nil {
		p.t.Fatal(err)
	}
}

func (p *ptyRun) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.buf.String()
}

// wait waits for the program to end and returns its exit code.
func (p *ptyRun) wait() int {
	p.t.Helper()
	errc := make(chan error, 1)
	go func() { errc <- p.cmd.Wait() }()
	select {
	case err := <-errc:
		<-p.done
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode()
		}
		if err != nil {
			p.t.Fatal(err)
		}
		return 0
	case <-time.After(waitLimit):
		p.t.Fatalf("recall did not end; output:\n%s", p.output())
	}
	return -1
}

var cardHeader = regexp.MustCompile(`(?m)^Pty · ([0-9a-f]{12})$`)

// cardOnScreen waits for the next card's front and returns its ID.
func (p *ptyRun) cardOnScreen() string {
	p.t.Helper()
	got := p.expect("space: show the answer")
	m := cardHeader.FindAllStringSubmatch(got, -1)
	if len(m) == 0 {
		p.t.Fatalf("no card header before the prompt:\n%s", got)
	}
	return m[len(m)-1][1]
}

// ptyDeck writes a deck of n basic cards and imports it.
func ptyDeck(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "collection.db")
	var b strings.Builder
	b.WriteString("---\ndeck: Pty\n---\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "\nQ: Question number %d?\nA: Answer %d\n", i, i)
	}
	deckFile := filepath.Join(dir, "pty.md")
	if err := os.WriteFile(deckFile, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	recallCmd(t, db, "import", deckFile)
	return db
}

// logOf opens the collection after the program ended and returns each
// card's ratings by card ID.
func logOf(t *testing.T, db string) map[string][]sched.Rating {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the collection does not open: %v", err)
	}
	defer st.Close()
	rep, err := st.Check(false)
	if err != nil || len(rep.Problems) > 0 {
		t.Fatalf("collection check: %v %v", rep, err)
	}
	byNum := map[uint64]string{}
	st.EachCard(func(c *store.Card) error { byNum[c.Num] = c.ID; return nil })
	out := map[string][]sched.Rating{}
	st.EachReview(func(r store.Review) error {
		out[byNum[r.CardNum]] = append(out[byNum[r.CardNum]], r.Rating)
		return nil
	})
	return out
}

// TestReviewOnATerminalRevealGradeUndoQuit plays a whole session on a
// pseudo-terminal with the real binary.
func TestReviewOnATerminalRevealGradeUndoQuit(t *testing.T) {
	db := ptyDeck(t, 3)
	p := startPty(t, db, "review")
	first := p.cardOnScreen()
	p.send(" ")
	p.expect("1 Again 1m  2 Hard 6m  [3 Good 10m]  4 Easy")
	p.send("3")
	second := p.cardOnScreen()
	p.send(" ")
	p.expect("4 Easy")
	p.send("4")
	third := p.cardOnScreen()
	if first == second || second == third {
		t.Fatalf("cards %s %s %s", first, second, third)
	}
	p.send("u")
	p.expect("Took back Easy")
	if again := p.cardOnScreen(); again != second {
		t.Errorf("after undo the card shown is %s, want %s", again, second)
	}
	p.send("?")
	p.expect("u       undo last answer (repeatable)")
	p.send("q")
	if code := p.wait(); code != 0 {
		t.Fatalf("exit %d\n%s", code, p.output())
	}
	out := p.output()
	for _, want := range []string{"Saved: Good · next in 10m", "Reviewed 1 card in", "Due tomorrow:", "Next 7 days:"} {
		if !strings.Contains(out, want) {
			t.Errorf("screen lacks %q:\n%s", want, out)
		}
	}
	log := logOf(t, db)
	if len(log) != 1 || len(log[first]) != 1 || log[first][0] != sched.Good {
		t.Errorf("review log %v, want one Good on %s", log, first)
	}
	// The learning card is due in ten minutes: `recall due` an hour later
	// lists it, and the undone card is new again.
	later := exec.Command(recallBin, "due", "--json", "--now", "2026-03-02T11:00:00Z")
	later.Env = recallEnv(db)
	js, err := later.Output()
	if err != nil || !strings.Contains(string(js), `"id": "`+first+`"`) || !strings.Contains(string(js), `"state": "learning"`) {
		t.Errorf("recall due after the session: %v\n%s", err, js)
	}
}

// TestReviewCtrlCExits130AndKeepsAnswers presses Ctrl-C at a card.
func TestReviewCtrlCExits130AndKeepsAnswers(t *testing.T) {
	db := ptyDeck(t, 3)
	p := startPty(t, db, "review")
	first := p.cardOnScreen()
	p.send(" ")
	p.expect("4 Easy")
	p.send("2")
	p.cardOnScreen()
	p.send(" ")
	p.expect("4 Easy")
	p.send("\x03")
	if code := p.wait(); code != ExitInterrupted {
		t.Fatalf("exit %d, want %d\n%s", code, ExitInterrupted, p.output())
	}
	out := p.output()
	if !strings.Contains(out, "Reviewed 1 card") || !strings.Contains(out, "interrupted; everything answered so far is saved") {
		t.Errorf("screen:\n%s", out)
	}
	if log := logOf(t, db); len(log) != 1 || len(log[first]) != 1 || log[first][0] != sched.Hard {
		t.Errorf("review log %v", log)
	}
}

// TestReviewCtrlDQuitsOnAFreshLine ends the input at a card: the review
// quits as with q (exit 0), and the summary starts on a line of its own.
func TestReviewCtrlDQuitsOnAFreshLine(t *testing.T) {
	db := ptyDeck(t, 3)
	p := startPty(t, db, "review")
	p.cardOnScreen() // up to its prompt
	p.send("\x04")
	if code := p.wait(); code != 0 {
		t.Fatalf("exit %d, want 0\n%s", code, p.output())
	}
	out := p.output()
	i := strings.Index(out, "No cards reviewed")
	if i < 0 || i > 0 && out[i-1] != '\n' {
		t.Errorf("the summary does not start a line:\n%q", out)
	}
}

// TestKilledMidSessionKeepsEveryAcknowledgedAnswer answers cards, kills
// the process with SIGKILL right after a grade key, and checks that every
// answer the screen acknowledged is in the collection, which still opens.
func TestKilledMidSessionKeepsEveryAcknowledgedAnswer(t *testing.T) {
	db := ptyDeck(t, 12)
	p := startPty(t, db, "review")
	var shown []string
	for i := 0; i < 6; i++ {
		shown = append(shown, p.cardOnScreen())
		p.send(" ")
		p.expect("4 Easy")
		p.send(string("1234"[i%4]))
	}
	// The sixth grade was sent without waiting: kill now, mid-commit or
	// just after.
	p.cmd.Process.Signal(syscall.SIGKILL)
	p.wait()
	acked := strings.Count(p.output(), "✓ Saved: ")
	if acked < 5 {
		t.Fatalf("only %d answers acknowledged before the kill:\n%s", acked, p.output())
	}
	log := logOf(t, db)
	for i := 0; i < acked; i++ {
		want := sched.Rating(i%4 + 1)
		got := log[shown[i]]
		if len(got) < 1 || got[0] != want {
			t.Errorf("acknowledged answer %d (%v on %s) missing: log %v", i+1, want, shown[i], got)
		}
	}
	total := 0
	for _, rs := range log {
		total += len(rs)
	}
	if total > 6 {
		t.Errorf("log has %d answers, only 6 were given", total)
	}
}

// TestReviewWithoutTerminalPointsToScripting runs review with pipes.
func TestReviewWithoutTerminalPointsToScripting(t *testing.T) {
	db := ptyDeck(t, 1)
	cmd := exec.Command(recallBin, "review")
	cmd.Env = recallEnv(db)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != ExitError {
		t.Fatalf("exit %v, want %d", err, ExitError)
	}
	if out.Len() != 0 || !strings.Contains(errOut.String(), "needs a terminal") ||
		!strings.Contains(errOut.String(), "recall due") || !strings.Contains(errOut.String(), "recall answer") {
		t.Errorf("stdout %q stderr %q", out.String(), errOut.String())
	}
}

// BenchmarkFirstCardOnScreen100k times the real binary on a terminal from
// its start until the first card's prompt is on screen, on a collection of
// 100,000 cards (a third of them in review, due dates spread over three
// months), and reports the median.
func BenchmarkFirstCardOnScreen100k(b *testing.B) {
	db := filepath.Join(b.TempDir(), "collection.db")
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	st, err := store.Open(db, store.Options{Now: func() time.Time { return now }})
	if err != nil {
		b.Fatal(err)
	}
	cards := make([]deck.Card, 100_000)
	var hist []store.HistoryReview
	due := map[string]time.Time{}
	for i := range cards {
		c := deck.Card{Deck: fmt.Sprintf("Deck %d", i%10), Type: deck.Basic,
			Front: fmt.Sprintf("Question number %d about a topic worth learning?", i), Back: fmt.Sprintf("Answer %d", i)}
		c.AssignID()
		cards[i] = c
		if i%3 == 0 {
			hist = append(hist, store.HistoryReview{CardID: c.ID, Time: now.AddDate(0, 0, -60), Rating: sched.Good})
			due[c.ID] = now.Add(time.Duration(i%90-45) * 24 * time.Hour)
		}
	}
	states := func(id string, ev []sched.Event) []sched.Card {
		return []sched.Card{{State: sched.Review, Due: due[id], LastReview: ev[0].Time, Stability: 20, Difficulty: 5, Interval: 20, Reps: 1}}
	}
	if _, err := st.Upsert([]store.DeckInfo{{Name: "Deck 0"}}, cards, store.UpsertOptions{Now: now, History: hist, States: states}); err != nil {
		b.Fatal(err)
	}
	st.Close()
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(recallBin, "review")
		cmd.Env = recallEnv(db)
		start := time.Now()
		tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
		if err != nil {
			b.Fatal(err)
		}
		var seen strings.Builder
		buf := make([]byte, 4096)
		for !strings.Contains(stripEscapes(seen.String()), "space: show the answer") {
			n, err := tty.Read(buf)
			if err != nil {
				b.Fatalf("no card on screen: %v\n%s", err, seen.String())
			}
			seen.Write(buf[:n])
		}
		times = append(times, time.Since(start))
		tty.Write([]byte("q"))
		go io.Copy(io.Discard, tty)
		cmd.Wait()
		tty.Close()
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
}

// withEnv replaces or adds variables (NAME=value, or NAME= to empty it;
// a bare NAME removes it).
func withEnv(env []string, vars ...string) []string {
	out := []string{}
	for _, e := range env {
		keep := true
		for _, v := range vars {
			name, _, _ := strings.Cut(v, "=")
			if strings.HasPrefix(e, name+"=") {
				keep = false
			}
		}
		if keep {
			out = append(out, e)
		}
	}
	for _, v := range vars {
		if strings.Contains(v, "=") {
			out = append(out, v)
		}
	}
	return out
}

var sgrCode = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// TestReviewColoursOnlyWithoutNoColor checks the raw terminal output: the
// suggested grade is highlighted with colour codes unless NO_COLOR is set.
func TestReviewColoursOnlyWithoutNoColor(t *testing.T) {
	db := ptyDeck(t, 2)
	for _, noColor := range []bool{true, false} {
		env := recallEnv(db)
		if !noColor {
			env = withEnv(env, "NO_COLOR")
		}
		p := startPtyEnv(t, env, "review")
		p.cardOnScreen()
		p.send(" ")
		p.expect("4 Easy")
		p.send("q")
		if code := p.wait(); code != 0 {
			t.Fatalf("exit %d", code)
		}
		p.mu.Lock()
		raw := p.raw.String()
		p.mu.Unlock()
		codes := sgrCode.FindAllString(raw, -1)
		if noColor && len(codes) > 0 {
			t.Errorf("NO_COLOR set, yet colour codes %q in:\n%q", codes, raw)
		}
		if !noColor && !strings.Contains(raw, "\x1b[1;36m3 Good 10m\x1b[0m") {
			t.Errorf("no highlighted grade without NO_COLOR:\n%q", raw)
		}
	}
}

// TestReviewEditsWithTheEditorFromTheEnvironment runs $EDITOR (a sed
// command that edits in place) on the card and checks the new text is
// shown and stored under the same ID; a failing editor leaves it alone.
func TestReviewEditsWithTheEditorFromTheEnvironment(t *testing.T) {
	db := ptyDeck(t, 1)
	p := startPtyEnv(t, withEnv(recallEnv(db), `EDITOR=sed -i "s/Answer 1/The first answer/"`), "review")
	id := p.cardOnScreen()
	p.send("e")
	p.expect("Saved the edit.")
	if again := p.cardOnScreen(); again != id {
		t.Errorf("after the edit the card is %s, want %s", again, id)
	}
	p.send(" ")
	p.expect("The first answer")
	p.send("3")
	p.cardOnScreen()
	p.send("q")
	if code := p.wait(); code != 0 {
		t.Fatalf("exit %d\n%s", code, p.output())
	}
	show := recallCmd(t, db, "card", "show", id, "--json")
	if !strings.Contains(show, `"back": "The first answer"`) {
		t.Errorf("stored card after the edit:\n%s", show)
	}
	if log := logOf(t, db); len(log[id]) != 1 {
		t.Errorf("the answer after the edit is not on the same card: %v", log)
	}

	p = startPtyEnv(t, withEnv(recallEnv(db), "EDITOR=false"), "review", "--new", "0")
	p.expect("space: show the answer")
	p.send("e")
	p.expect("The editor failed")
	p.send("q")
	p.wait()
	if show2 := recallCmd(t, db, "card", "show", id, "--json"); !strings.Contains(show2, `"back": "The first answer"`) {
		t.Errorf("a failed edit changed the card:\n%s", show2)
	}
}

// TestReviewRefusesAnUnknownDeck keeps a typo from looking like a free day.
func TestReviewRefusesAnUnknownDeck(t *testing.T) {
	db := ptyDeck(t, 1)
	p := startPty(t, db, "review", "Nosuch")
	if code := p.wait(); code != ExitError {
		t.Errorf("exit %d, want %d", code, ExitError)
	}
	if !strings.Contains(p.output(), `no deck named "Nosuch"; `+"`recall decks`") {
		t.Errorf("output:\n%s", p.output())
	}
}

// TestRecallWithoutArgumentsStartsTheReview runs plain `recall` on a
// terminal with an empty collection: the built-in deck is loaded and its
// first card shown.
func TestRecallWithoutArgumentsStartsTheReview(t *testing.T) {
	db := filepath.Join(t.TempDir(), "collection.db")
	p := startPty(t, db)
	p.expect("loaded the built-in deck")
	p.expect("Card 1 · ")
	p.expect("space: show the answer")
	p.send("q")
	if code := p.wait(); code != 0 {
		t.Fatalf("exit %d\n%s", code, p.output())
	}
	if !strings.Contains(p.output(), "No cards reviewed.") {
		t.Errorf("no summary:\n%s", p.output())
	}
}

// With nothing due, choosing the quiz in the menu starts it at once.
func TestNothingDueMenuStartsAQuiz(t *testing.T) {
	db := ptyDeck(t, 6)
	recallCmd(t, db, "config", "new_per_day", "0")
	p := startPty(t, db, "review")
	p.expect("What now?")
	p.send("\x1b[A\x1b[A\r") // up twice from Quit to the quiz
	p.expect("Question 1/")
	p.send("\x03")
	if code := p.wait(); code != 130 {
		t.Fatalf("exit %d, want 130 after Ctrl-C in the quiz\n%s", code, p.output())
	}
}
