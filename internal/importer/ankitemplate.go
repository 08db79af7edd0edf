package importer

import (
	"regexp"
	"strings"
)

// ankiNotetype is what recall needs of an Anki note type.
type ankiNotetype struct {
	id        int64
	name      string
	cloze     bool
	fields    []string
	templates []ankiTemplate
	shape     noteShape
}

type ankiTemplate struct {
	name, qfmt, afmt string
}

// noteShape is how the cards of a note type map onto recall card types.
type noteShape struct {
	reversed bool // two mirrored templates: one recall reversed note
	// simple[i] says template i shows one field and asks another;
	// q[i] and a[i] are those field indexes, typed[i] a typed answer.
	simple []bool
	q, a   []int
	typed  []bool
	// clozeField and extraFields, for a cloze note type.
	clozeField  int
	extraFields []int
}

var (
	tmplRef     = regexp.MustCompile(`\{\{([^{}]*)\}\}`)
	answerRule  = regexp.MustCompile(`(?i)<hr\s+id\s*=\s*["']?answer["']?\s*/?>`)
	brTag       = regexp.MustCompile(`(?i)<br\s*/?>`)
	noiseInTmpl = regexp.MustCompile(`\s+`)
)

// fieldIndex finds a field by name (Anki compares names without case).
func (nt *ankiNotetype) fieldIndex(name string) int {
	name = strings.TrimSpace(name)
	for i, f := range nt.fields {
		if strings.EqualFold(f, name) {
			return i
		}
	}
	return -1
}

// classify works out the shape of a note type from its templates, so that
// localised or renamed stock note types are recognised by what they do.
func (nt *ankiNotetype) classify() {
	s := noteShape{clozeField: 0}
	if nt.cloze {
		if len(nt.templates) > 0 {
			for _, m := range tmplRef.FindAllStringSubmatch(nt.templates[0].qfmt, -1) {
				if filters, field := splitRef(m[1]); hasFilter(filters, "cloze") {
					if i := nt.fieldIndex(field); i >= 0 {
						s.clozeField = i
						break
					}
				}
			}
			seen := map[int]bool{s.clozeField: true}
			for _, m := range tmplRef.FindAllStringSubmatch(nt.templates[0].afmt, -1) {
				_, field := splitRef(m[1])
				if i := nt.fieldIndex(field); i >= 0 && !seen[i] {
					seen[i] = true
					s.extraFields = append(s.extraFields, i)
				}
			}
		} else if len(nt.fields) > 1 {
			s.extraFields = []int{1}
		}
		nt.shape = s
		return
	}
	n := len(nt.templates)
	s.simple, s.q, s.a, s.typed = make([]bool, n), make([]int, n), make([]int, n), make([]bool, n)
	for i, t := range nt.templates {
		s.q[i], s.a[i], s.typed[i], s.simple[i] = nt.simpleTemplate(t)
	}
	s.reversed = n == 2 && s.simple[0] && s.simple[1] && !s.typed[0] && !s.typed[1] &&
		s.q[0] == s.a[1] && s.a[0] == s.q[1]
	nt.shape = s
}

// simpleTemplate reports a template that shows exactly one field and whose
// answer side adds exactly one other (possibly typed) field: the stock Basic
// shapes, whatever their names.
func (nt *ankiNotetype) simpleTemplate(t ankiTemplate) (q, a int, typed, ok bool) {
	qRefs, qRest := templateRefs(t.qfmt)
	aRefs, aRest := templateRefs(t.afmt)
	if qRest != "" || aRest != "" {
		return 0, 0, false, false
	}
	q, a = -1, -1
	for _, r := range qRefs {
		filters, field := splitRef(r)
		if field == "FrontSide" {
			return 0, 0, false, false
		}
		i := nt.fieldIndex(field)
		if i < 0 {
			return 0, 0, false, false
		}
		switch {
		case hasFilter(filters, "type"):
			if a >= 0 && a != i {
				return 0, 0, false, false
			}
			a, typed = i, true
		case len(filters) > 0:
			return 0, 0, false, false
		case q >= 0 && q != i:
			return 0, 0, false, false
		default:
			q = i
		}
	}
	for _, r := range aRefs {
		filters, field := splitRef(r)
		if field == "FrontSide" {
			continue
		}
		i := nt.fieldIndex(field)
		if i < 0 || (len(filters) > 0 && !hasFilter(filters, "type")) {
			return 0, 0, false, false
		}
		if i == q {
			continue
		}
		if hasFilter(filters, "type") {
			typed = true
		}
		if a >= 0 && a != i {
			return 0, 0, false, false
		}
		a = i
	}
	return q, a, typed, q >= 0 && a >= 0 && q != a
}

// templateRefs lists the {{…}} references of a template (conditional
// section markers dropped) and what is left once references, the answer
// rule, <br> and whitespace are removed.
func templateRefs(t string) ([]string, string) {
	var refs []string
	rest := tmplRef.ReplaceAllStringFunc(t, func(m string) string {
		inner := strings.TrimSpace(m[2 : len(m)-2])
		if strings.HasPrefix(inner, "#") || strings.HasPrefix(inner, "/") || strings.HasPrefix(inner, "^") {
			return ""
		}
		refs = append(refs, inner)
		return ""
	})
	rest = answerRule.ReplaceAllString(rest, "")
	rest = brTag.ReplaceAllString(rest, "")
	rest = noiseInTmpl.ReplaceAllString(rest, "")
	return refs, rest
}

// splitRef splits "text:hint:Field" into its filters and field name.
func splitRef(ref string) ([]string, string) {
	parts := strings.Split(strings.TrimSpace(ref), ":")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts[:len(parts)-1], parts[len(parts)-1]
}

func hasFilter(filters []string, name string) bool {
	for _, f := range filters {
		if strings.EqualFold(f, name) {
			return true
		}
	}
	return false
}

// renderContext is what a template can refer to besides fields.
type renderContext struct {
	nt        *ankiNotetype
	fields    []string
	tags      string
	deck      string
	card      string
	frontSide string
	answer    bool
}

// render fills a template the way Anki's renderer does for the parts that
// make text: field references with their filters, {{#F}}/{{^F}} sections,
// and the special fields. Unknown fields render empty.
func (rc *renderContext) render(t string) string {
	var b strings.Builder
	rc.renderSection(&b, t)
	return b.String()
}

func (rc *renderContext) renderSection(b *strings.Builder, t string) {
	for len(t) > 0 {
		loc := tmplRef.FindStringIndex(t)
		if loc == nil {
			b.WriteString(t)
			return
		}
		b.WriteString(t[:loc[0]])
		inner := strings.TrimSpace(t[loc[0]+2 : loc[1]-2])
		t = t[loc[1]:]
		if strings.HasPrefix(inner, "#") || strings.HasPrefix(inner, "^") {
			name := strings.TrimSpace(inner[1:])
			body, rest := sectionBody(t, name)
			t = rest
			nonEmpty := strings.TrimSpace(stripHTMLMedia(rc.value(name))) != ""
			if nonEmpty == (inner[0] == '#') {
				rc.renderSection(b, body)
			}
			continue
		}
		if strings.HasPrefix(inner, "/") {
			continue // a stray section end
		}
		b.WriteString(rc.ref(inner))
	}
}

// sectionBody splits t at the {{/name}} that closes a section.
func sectionBody(t, name string) (string, string) {
	depth := 0
	for _, loc := range tmplRef.FindAllStringIndex(t, -1) {
		inner := strings.TrimSpace(t[loc[0]+2 : loc[1]-2])
		if len(inner) > 0 && (inner[0] == '#' || inner[0] == '^') && strings.TrimSpace(inner[1:]) == name {
			depth++
		}
		if len(inner) > 0 && inner[0] == '/' && strings.TrimSpace(inner[1:]) == name {
			if depth == 0 {
				return t[:loc[0]], t[loc[1]:]
			}
			depth--
		}
	}
	return t, ""
}

func (rc *renderContext) value(name string) string {
	switch name {
	case "FrontSide":
		return rc.frontSide
	case "Tags":
		return rc.tags
	case "Deck":
		return rc.deck
	case "Subdeck":
		if i := strings.LastIndex(rc.deck, "::"); i >= 0 {
			return rc.deck[i+2:]
		}
		return rc.deck
	case "Card":
		return rc.card
	case "Type":
		return rc.nt.name
	}
	if i := rc.nt.fieldIndex(name); i >= 0 && i < len(rc.fields) {
		return rc.fields[i]
	}
	return ""
}

func (rc *renderContext) ref(inner string) string {
	filters, name := splitRef(inner)
	v := rc.value(name)
	for _, f := range filters {
		switch strings.ToLower(f) {
		case "type":
			if !rc.answer {
				return ""
			}
		case "text":
			v = stripHTMLMedia(v)
		}
	}
	return v
}

// answerPart is what the answer side adds to the question: the part after
// Anki's <hr id=answer> rule, else the answer without the question in it.
func answerPart(answer, question string) string {
	if loc := answerRule.FindStringIndex(answer); loc != nil {
		return answer[loc[1]:]
	}
	if question != "" {
		return strings.Replace(answer, question, "", 1)
	}
	return answer
}
