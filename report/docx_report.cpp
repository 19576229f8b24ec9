// The Word report. Why numbers as text rather than numbering.xml: a paragraph's number is its id ("5 bis",
// "12", none for a preambular paragraph), which automatic numbering would recompute, and Word and LibreOffice
// number deleted paragraphs differently while changes show; as text, a number that changes (draft 3 revising
// reference 18) is itself a tracked change, and each version reads back with its own numbers.
// Why the XML is written as strings: the writer only appends, in document order, so a DOM (pugixml) would
// add a copy of the document and nothing else; every text and attribute value goes through escape_xml.
#include "report/docx_report.hpp"

#include "grammar/parser.hpp"
#include "report/xml.hpp"

#include <zip.h>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cstdio>
#include <limits>
#include <memory>
#include <new>
#include <stdexcept>
#include <string_view>

namespace resdraft::report {
namespace {

using analysis::check_result;
using analysis::edit_op;
using analysis::redline_run;
using analysis::status;

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

// The number each compared paragraph of `doc` shows before its text, as written there with its spaces made one
// ("12. ", "5 bis. "); "" for one whose number is not written (preambular, unnumbered): its id ("pp3", or "1" in
// a part that numbers no paragraph) is the parser's, and writing it would change what the report reads as.
std::vector<std::string> written_labels(const grammar::document& doc) {
    std::vector<std::string> out;
    for (const grammar::paragraph* p : analysis::compared_paragraphs(doc)) {
        const std::string number = grammar::normalized_text(doc, {p->whole.begin, p->text.begin});
        out.push_back(number.empty() ? "" : number + " ");
    }
    return out;
}

// A stretch of a paragraph's text: kept (in both versions), inserted (the draft's only) or deleted (the reference's only).
struct piece {
    edit_op op = edit_op::equal;
    std::string text;
};

void append(std::vector<piece>& pieces, edit_op op, std::string_view text) {
    if (text.empty()) return;
    if (!pieces.empty() && pieces.back().op == op) pieces.back().text += text;
    else pieces.push_back({op, std::string(text)});
}

// The redline `runs` of `draft` against `reference` as pieces whose equal and insert texts give `draft` exactly,
// and whose equal and remove texts give `reference`. The aligner's runs give both back exactly; runs made
// otherwise may differ from a text by a space, which becomes an insertion or deletion of that space. Nothing
// when the runs are not these two texts' (a shortened deletion).
std::optional<std::vector<piece>> reconcile(const std::vector<redline_run>& runs, std::string_view draft, std::string_view reference) {
    std::vector<piece> out;
    std::size_t d = 0, r = 0;  // how far the draft and the reference have been given
    for (const redline_run& run : runs) {
        if (run.omitted_words > 0) return std::nullopt;
        const bool in_draft = run.op != edit_op::remove, in_reference = run.op != edit_op::insert;
        for (std::size_t k = 0; k < run.text.size();) {
            const char c = run.text[k];
            const bool draft_ok = !in_draft || (d < draft.size() && draft[d] == c);
            const bool reference_ok = !in_reference || (r < reference.size() && reference[r] == c);
            if (draft_ok && reference_ok) {
                append(out, run.op, run.text.substr(k, 1));
                d += in_draft ? 1 : 0;
                r += in_reference ? 1 : 0;
                ++k;
            } else if (in_draft && !draft_ok && d < draft.size() && draft[d] == ' ') {
                append(out, edit_op::insert, " ");  // a space the draft has here and the run not
                ++d;
            } else if (in_reference && !reference_ok && r < reference.size() && reference[r] == ' ') {
                append(out, edit_op::remove, " ");
                ++r;
            } else if (c == ' ') {  // a space the run has and one text lacks: kept as a change of the other
                if (run.op == edit_op::equal && draft_ok) append(out, edit_op::insert, " "), ++d;
                else if (run.op == edit_op::equal && reference_ok) append(out, edit_op::remove, " "), ++r;
                ++k;
            } else {
                return std::nullopt;
            }
        }
    }
    for (; d < draft.size(); ++d)
        if (draft[d] == ' ') append(out, edit_op::insert, " ");
        else return std::nullopt;
    for (; r < reference.size(); ++r)
        if (reference[r] == ' ') append(out, edit_op::remove, " ");
        else return std::nullopt;
    return out;
}

// `pieces` with each stretch of changes between kept text as one deletion then one insertion (the order of
// deletions and insertions between two kept pieces changes neither version), and the spaces that start or end
// both kept: "[-and-]{+&+} national" rather than "[- -]{+ & +}[-and -]national", as Word's own changes read.
std::vector<piece> tidy(const std::vector<piece>& pieces) {
    std::vector<piece> out;
    for (std::size_t i = 0; i < pieces.size();) {
        if (pieces[i].op == edit_op::equal) {
            append(out, edit_op::equal, pieces[i++].text);
            continue;
        }
        std::string removed, inserted;
        for (; i < pieces.size() && pieces[i].op != edit_op::equal; ++i) (pieces[i].op == edit_op::remove ? removed : inserted) += pieces[i].text;
        std::size_t lead = 0, trail = 0;
        while (lead < removed.size() && lead < inserted.size() && removed[lead] == ' ' && inserted[lead] == ' ') ++lead;
        removed.erase(0, lead), inserted.erase(0, lead);
        while (trail < removed.size() && trail < inserted.size() && removed[removed.size() - 1 - trail] == ' ' &&
               inserted[inserted.size() - 1 - trail] == ' ')
            ++trail;
        removed.resize(removed.size() - trail), inserted.resize(inserted.size() - trail);
        append(out, edit_op::equal, std::string(lead, ' '));
        append(out, edit_op::remove, removed);
        append(out, edit_op::insert, inserted);
        append(out, edit_op::equal, std::string(trail, ' '));
    }
    return out;
}

// Where the pieces, read one after another, reach offset `at` of the draft (`side` insert) or of the reference
// (`side` remove): for a start, the stream offset of that character; for an end, the offset just past the
// character before it. Nothing when the text has no such offset.
std::optional<std::size_t> stream_offset(const std::vector<piece>& pieces, edit_op side, std::size_t at, bool end) {
    std::size_t stream = 0, own = 0;
    for (const piece& p : pieces) {
        if (p.op == edit_op::equal || p.op == side) {
            if (end ? at > own && at <= own + p.text.size() : at >= own && at < own + p.text.size()) return stream + (at - own);
            own += p.text.size();
        }
        stream += p.text.size();
    }
    return std::nullopt;
}

bool word_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }

// Where `phrase` (in lower case, as check reports verbs) first occurs in `text` from `from` on as whole words,
// ASCII case ignored.
std::optional<std::size_t> find_words(std::string_view text, std::string_view phrase, std::size_t from) {
    if (phrase.empty()) return std::nullopt;
    for (std::size_t at = from; at + phrase.size() <= text.size(); ++at) {
        if ((at > 0 && word_byte(text[at - 1])) || (at + phrase.size() < text.size() && word_byte(text[at + phrase.size()]))) continue;
        if (std::equal(phrase.begin(), phrase.end(), text.begin() + static_cast<std::ptrdiff_t>(at), [](char p, char t) {
                return p == static_cast<char>(std::tolower(static_cast<unsigned char>(t)));
            }))
            return at;
    }
    return std::nullopt;
}

// Why `mark` is tracked: the paragraph mark is kept, inserted with the draft paragraph, or deleted with the reference's.
enum class mark { kept, inserted, deleted };

// A comment over stream offsets [begin, end) of a paragraph's pieces.
struct comment_span {
    std::size_t begin = 0, end = 0;
    std::string text;
};

struct out_paragraph {
    mark paragraph_mark = mark::kept;
    std::vector<piece> pieces;
    std::vector<comment_span> comments;

    [[nodiscard]] std::size_t size() const {
        std::size_t n = 0;
        for (const piece& p : pieces) n += p.text.size();
        return n;
    }
    // A comment over the whole paragraph.
    void note(std::string text) {
        if (!text.empty() && size() > 0) comments.push_back({0, size(), std::move(text)});
    }
};

// "weaker: Strongly condemn → Condemns (drops “strongly”); addressee: Member States → States", the verbs as
// written where they were found.
std::string verb_note(const analysis::verb_change& v, std::string_view reference_words, std::string_view draft_words) {
    std::string out = (v.change == "same" ? "" : v.change + ": ") + std::string(reference_words) + " → " + std::string(draft_words);
    std::string adverbs;
    for (const auto& a : v.adverbs_dropped) adverbs += (adverbs.empty() ? "" : ", ") + ("drops “" + a + "”");
    for (const auto& a : v.adverbs_added) adverbs += (adverbs.empty() ? "" : ", ") + ("adds “" + a + "”");
    if (!adverbs.empty()) out += " (" + adverbs + ")";
    if (v.reference_addressee || v.draft_addressee)
        out += "; addressee: " + v.reference_addressee.value_or("none") + " → " + v.draft_addressee.value_or("none");
    return out;
}

// A comment for each verb change of draft paragraph `p`, over the draft's verb and, when `anchor_reference`, the
// reference's; `draft` is the text the pieces give with insertions, `reference` the reference paragraph's text
// (with deletions, when anchored), each from the given start. The verbs are quoted as written where found.
void note_verbs(out_paragraph& out, const analysis::paragraph_check& p, std::string_view draft, std::size_t draft_start,
                std::optional<std::string_view> reference, std::size_t reference_start, bool anchor_reference) {
    std::size_t draft_from = draft_start, reference_from = reference_start;
    for (const analysis::verb_change& v : p.verb_changes) {
        const auto ds = find_words(draft, v.draft, draft_from);
        auto rs = reference ? find_words(*reference, v.reference, reference_from) : std::nullopt;
        if (reference && !rs) rs = find_words(*reference, v.reference, reference_start);
        std::optional<std::size_t> begin, end;
        const auto widen = [&](edit_op side, std::size_t at, std::size_t length) {
            const auto b = stream_offset(out.pieces, side, at, false), e = stream_offset(out.pieces, side, at + length, true);
            if (!b || !e) return;
            begin = begin ? std::min(*begin, *b) : *b;
            end = end ? std::max(*end, *e) : *e;
        };
        if (ds) widen(edit_op::insert, *ds, v.draft.size()), draft_from = *ds + v.draft.size();
        if (rs && anchor_reference) widen(edit_op::remove, *rs, v.reference.size());
        if (rs) reference_from = *rs + v.reference.size();
        const std::string_view rw = rs ? reference->substr(*rs, v.reference.size()) : std::string_view(v.reference);
        const std::string_view dw = ds ? draft.substr(*ds, v.draft.size()) : std::string_view(v.draft);
        if (!begin) begin = 0, end = out.size();  // the verbs not found in the texts: the comment covers the paragraph
        if (*begin < *end) out.comments.push_back({*begin, *end, verb_note(v, rw, dw)});
    }
}

// A whole paragraph inserted (the draft's) or deleted (the reference's).
out_paragraph whole(mark m, std::string text) {
    out_paragraph out;
    out.paragraph_mark = m;
    append(out.pieces, m == mark::inserted ? edit_op::insert : edit_op::remove, text);
    return out;
}

// "; why: money ~ remittances, home ~ origin": the word pairs that made a related paragraph close in meaning
// (with word vectors), as the text report gives them; nothing without.
std::string why_related(const analysis::paragraph_check& p) {
    std::string out;
    for (const auto& w : p.word_pairs) out += (out.empty() ? "; why: " : ", ") + w.draft + " ~ " + w.reference;
    return out;
}

std::string_view reference_name(const check_result& r) { return r.reference_symbol.empty() ? r.reference_name : r.reference_symbol; }

// The report's paragraphs, from the plan.
class layout {
public:
    layout(const check_result& r, const grammar::document& reference, const grammar::document& draft)
        : r_(r), plan_(docx_plan(r)), placed_(r.reference_ids.size(), none), reference_labels_(written_labels(reference)),
          draft_labels_(written_labels(draft)) {
        for (const docx_step& s : plan_)
            if (s.draft && s.reference) placed_[*s.reference] = *s.draft;
    }

    std::vector<out_paragraph> paragraphs() const {
        std::vector<out_paragraph> out;
        for (const docx_step& s : plan_) {
            switch (s.rendering) {
                case docx_rendering::revision: out.push_back(revision(*s.draft, *s.reference)); break;
                case docx_rendering::replacement:
                    out.push_back(deleted(*s.reference));
                    out.push_back(inserted(*s.draft, "related to reference paragraph " + r_.reference_ids[*s.reference] +
                                                         ", deleted above: the same subject in other words" +
                                                         why_related(r_.paragraphs[*s.draft])));
                    break;
                case docx_rendering::insertion: out.push_back(inserted(*s.draft, elsewhere(*s.draft))); break;
                case docx_rendering::deletion: out.push_back(deleted(*s.reference)); break;
            }
        }
        return out;
    }

private:
    // The draft paragraph `d` as changes to reference paragraph `ref`, from check's redline.
    out_paragraph revision(std::size_t d, std::size_t ref) const {
        const auto& p = r_.paragraphs[d];
        const std::string dl = draft_label(d), rl = reference_label(ref);
        const std::string draft = dl + p.text, reference = rl + r_.reference_texts[ref];
        out_paragraph out;
        // the number first, a change of its own when it changes ("[-16.-]{+2.+} "; both end in the same space)
        const bool both = !dl.empty() && !rl.empty();
        if (dl == rl) {
            append(out.pieces, edit_op::equal, dl);
        } else {
            append(out.pieces, edit_op::remove, both ? rl.substr(0, rl.size() - 1) : rl);
            append(out.pieces, edit_op::insert, both ? dl.substr(0, dl.size() - 1) : dl);
            if (both) append(out.pieces, edit_op::equal, " ");
        }
        if (auto pieces = reconcile(p.redline, p.text, r_.reference_texts[ref])) {
            for (const piece& pc : tidy(*pieces)) append(out.pieces, pc.op, pc.text);
        } else {  // not check's full redline of these texts: the whole reference paragraph replaced
            append(out.pieces, edit_op::remove, r_.reference_texts[ref]);
            append(out.pieces, edit_op::insert, p.text);
        }
        note_verbs(out, p, draft, dl.size(), std::string_view(reference), rl.size(), true);
        if (p.merged && p.matches.size() > 1)
            out.note("merges reference paragraphs " + p.matches[0].reference + " and " + p.matches[1].reference);
        return out;
    }

    out_paragraph deleted(std::size_t ref) const { return whole(mark::deleted, reference_label(ref) + r_.reference_texts[ref]); }

    out_paragraph inserted(std::size_t d, const std::string& where) const {
        const auto& p = r_.paragraphs[d];
        const std::string dl = draft_label(d), draft = dl + p.text;
        out_paragraph out = whole(mark::inserted, draft);
        std::optional<std::string_view> reference;  // the matched paragraph, for how its verbs are written
        if (!p.matches.empty() && p.matches[0].index < r_.reference_texts.size()) reference = r_.reference_texts[p.matches[0].index];
        note_verbs(out, p, draft, dl.size(), reference, 0, false);
        std::string note = where;
        if (p.merged && p.matches.size() > 1)
            note += (note.empty() ? "" : "; ") + ("merges reference paragraphs " + p.matches[0].reference + " and " + p.matches[1].reference);
        out.note(note);
        return out;
    }

    // Where an inserted draft paragraph's language comes from, when check matched it: "edited from reference
    // paragraph 27, which draft paragraph 4 revises at its place".
    std::string elsewhere(std::size_t d) const {
        const auto& p = r_.paragraphs[d];
        if (p.state == status::fresh || p.matches.empty()) return "";
        const auto& m = p.matches.front();
        std::string out = p.state == status::related ? "related to reference paragraph " + m.reference + " (the same subject in other words)"
                                                     : std::string(analysis::status_name(p.state)) + " from reference paragraph " + m.reference;
        if (m.index < placed_.size() && placed_[m.index] != none) {
            const auto& other = r_.paragraphs[placed_[m.index]];
            out += ", which draft paragraph " + other.id + (other.state == status::related ? " replaces" : " revises") + " at its place";
        } else {
            out += ", which shows deleted at its place";
        }
        return out + why_related(p);
    }

    // The numbers as written; none past the documents' compared paragraphs (documents other than r's).
    std::string draft_label(std::size_t d) const { return d < draft_labels_.size() ? draft_labels_[d] : ""; }
    std::string reference_label(std::size_t ref) const { return ref < reference_labels_.size() ? reference_labels_[ref] : ""; }

    const check_result& r_;
    std::vector<docx_step> plan_;
    std::vector<std::size_t> placed_;  // per reference paragraph: the draft paragraph revising or replacing it, or none
    std::vector<std::string> reference_labels_, draft_labels_;
};

// Writes paragraphs as WordprocessingML, numbering tracked changes and comments with one sequence of ids.
class document_writer {
public:
    explicit document_writer(const docx_options& o)
        : attributes_(" w:author=\"" + escape_xml(o.author) + "\" w:date=\"" + w3c_date(o.date) + "\"") {}

    void paragraph(const out_paragraph& p) {
        body += "<w:p>";
        if (p.paragraph_mark != mark::kept)
            body += "<w:pPr><w:rPr>" + change(p.paragraph_mark == mark::inserted ? "ins" : "del", true) + "</w:rPr></w:pPr>";
        std::vector<std::size_t> ids, cuts;
        for (const comment_span& c : p.comments) {
            ids.push_back(next_id_++);
            comments += "<w:comment w:id=\"" + std::to_string(ids.back()) + "\"" + attributes_ + " w:initials=\"rd\"><w:p><w:pPr>"
                        "<w:pStyle w:val=\"CommentText\"/></w:pPr><w:r>" + text_element("w:t", c.text) + "</w:r></w:p></w:comment>\n";
            cuts.push_back(c.begin), cuts.push_back(c.end);
        }
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        std::size_t stream = 0, next_cut = 0;
        const auto markers_until = [&](std::size_t at) {
            for (; next_cut < cuts.size() && cuts[next_cut] <= at; ++next_cut) {
                for (std::size_t k = 0; k < p.comments.size(); ++k)
                    if (p.comments[k].end == cuts[next_cut]) body += "<w:commentRangeEnd w:id=\"" + std::to_string(ids[k]) + "\"/>" + reference_run(ids[k], p.paragraph_mark);
                for (std::size_t k = 0; k < p.comments.size(); ++k)
                    if (p.comments[k].begin == cuts[next_cut]) body += "<w:commentRangeStart w:id=\"" + std::to_string(ids[k]) + "\"/>";
            }
        };
        for (const piece& pc : p.pieces) {
            for (std::size_t from = 0; from < pc.text.size();) {
                markers_until(stream + from);
                std::size_t to = pc.text.size();
                if (next_cut < cuts.size() && cuts[next_cut] < stream + to) to = cuts[next_cut] - stream;
                segment(pc.op, std::string_view(pc.text).substr(from, to - from));
                from = to;
            }
            stream += pc.text.size();
        }
        markers_until(stream);
        body += "</w:p>\n";
    }

    std::string body;      // the w:p elements written
    std::string comments;  // their w:comment elements

private:
    // <w:ins w:id="7" w:author="resdraft" w:date="...">, or the empty element (a paragraph mark's)
    std::string change(std::string_view tag, bool empty) {
        return "<w:" + std::string(tag) + " w:id=\"" + std::to_string(next_id_++) + "\"" + attributes_ + (empty ? "/>" : ">");
    }

    // <w:t>text</w:t>, xml:space="preserve" when the text starts or ends with a space (Word would drop it).
    static std::string text_element(std::string_view tag, std::string_view text) {
        std::string plain(text);
        std::replace_if(plain.begin(), plain.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
        const bool preserve = !plain.empty() && (plain.front() == ' ' || plain.back() == ' ');
        return "<" + std::string(tag) + (preserve ? " xml:space=\"preserve\">" : ">") + escape_xml(plain) + "</" + std::string(tag) + ">";
    }

    void segment(edit_op op, std::string_view text) {
        if (op == edit_op::equal) body += "<w:r>" + text_element("w:t", text) + "</w:r>";
        else if (op == edit_op::insert) body += change("ins", false) + "<w:r>" + text_element("w:t", text) + "</w:r></w:ins>";
        else body += change("del", false) + "<w:r>" + text_element("w:delText", text) + "</w:r></w:del>";
    }

    // The run holding a comment's mark; inside the paragraph's own change when it is inserted or deleted whole,
    // so that rejecting or accepting every change leaves no empty paragraph behind for it.
    std::string reference_run(std::size_t id, mark m) {
        const std::string run = "<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:commentReference w:id=\"" + std::to_string(id) + "\"/></w:r>";
        if (m == mark::kept) return run;
        const std::string_view tag = m == mark::inserted ? "ins" : "del";
        return change(tag, false) + run + "</w:" + std::string(tag) + ">";
    }

    std::string attributes_;  // w:author and w:date of every change and comment
    std::size_t next_id_ = 0;
};

constexpr std::string_view xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view wordml = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
constexpr std::string_view relationships_ns = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
constexpr std::string_view relationship_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string relationship(std::string_view id, std::string_view type, std::string_view target) {
    return "<Relationship Id=\"" + std::string(id) + "\" Type=\"" + std::string(type) + "\" Target=\"" + std::string(target) + "\"/>";
}

std::string override_type(std::string_view part, std::string_view type) {
    return "<Override PartName=\"" + std::string(part) + "\" ContentType=\"application/vnd.openxmlformats-" + std::string(type) + "+xml\"/>";
}

// Times New Roman 12 pt, British English, a line after each paragraph: the look of a UN draft.
const std::string styles_xml = std::string(xml_declaration) + "<w:styles " + std::string(wordml) + ">"
    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" "
    "w:cs=\"Times New Roman\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>"
    "<w:pPrDefault><w:pPr><w:spacing w:after=\"240\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:jc w:val=\"left\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"CommentText\"><w:name w:val=\"annotation text\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:after=\"0\"/><w:jc w:val=\"left\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>"
    "<w:style w:type=\"character\" w:styleId=\"CommentReference\"><w:name w:val=\"annotation reference\"/>"
    "<w:rPr><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>"
    "</w:styles>";

}  // namespace

std::vector<docx_step> docx_plan(const check_result& r) {
    const std::size_t n = r.paragraphs.size(), m = r.reference_ids.size();
    // the chain by dynamic programming over draft order, a Fenwick tree over reference order giving the best
    // chain that ends before a reference paragraph: O(n log m)
    std::vector<std::size_t> previous(n, none);
    std::vector<std::pair<std::size_t, std::size_t>> tree(m + 1, {0, none});  // (chain weight, its last draft paragraph)
    std::size_t best = 0, last = none;
    for (std::size_t d = 0; d < n; ++d) {
        const auto& p = r.paragraphs[d];
        if (p.state == status::fresh || p.matches.empty() || p.matches[0].index >= m) continue;
        const std::size_t ref = p.matches[0].index;
        std::pair<std::size_t, std::size_t> before{0, none};
        for (std::size_t i = ref; i > 0; i -= i & (~i + 1))
            if (tree[i].first > before.first) before = tree[i];
        const std::size_t weight = before.first + (p.state == status::related ? 1 : 2);
        previous[d] = before.second;
        for (std::size_t i = ref + 1; i <= m; i += i & (~i + 1))
            if (weight > tree[i].first) tree[i] = {weight, d};
        if (weight > best) best = weight, last = d;
    }
    std::vector<std::size_t> chained(n, none);  // per draft paragraph: the reference paragraph it revises or replaces
    for (std::size_t d = last; d != none; d = previous[d]) chained[d] = r.paragraphs[d].matches[0].index;

    std::vector<docx_step> steps;
    std::size_t next_reference = 0;
    std::vector<std::size_t> waiting;  // draft paragraphs inserted before the next paragraph of the chain
    const auto flush = [&](std::size_t until) {
        for (; next_reference < until; ++next_reference) steps.push_back({docx_rendering::deletion, std::nullopt, next_reference});
        for (std::size_t d : waiting) steps.push_back({docx_rendering::insertion, d, std::nullopt});
        waiting.clear();
    };
    for (std::size_t d = 0; d < n; ++d) {
        if (chained[d] == none) {
            waiting.push_back(d);
            continue;
        }
        flush(chained[d]);
        steps.push_back({r.paragraphs[d].state == status::related ? docx_rendering::replacement : docx_rendering::revision, d, chained[d]});
        next_reference = chained[d] + 1;
    }
    flush(m);
    return steps;
}

std::string w3c_date(std::int64_t seconds) {
    using namespace std::chrono;
    constexpr std::int64_t latest = 253402300799;  // 9999-12-31T23:59:59Z
    seconds = std::clamp<std::int64_t>(seconds, 0, latest);
    const sys_seconds at{std::chrono::seconds(seconds)};
    const auto day = floor<days>(at);
    const year_month_day ymd(day);
    const hh_mm_ss time(at - day);
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return out;
}

std::vector<std::pair<std::string, std::string>> check_docx_parts(const check_result& r, const grammar::document& reference,
                                                                  const grammar::document& draft, const docx_options& options) {
    document_writer writer(options);
    for (const out_paragraph& p : layout(r, reference, draft).paragraphs()) writer.paragraph(p);
    if (writer.body.empty()) writer.body = "<w:p/>\n";  // Word wants a paragraph before the section properties
    const std::string date = w3c_date(options.date);
    const std::string title = r.draft_name + " as tracked changes to " + std::string(reference_name(r));

    std::vector<std::pair<std::string, std::string>> parts;
    parts.emplace_back("[Content_Types].xml",
        std::string(xml_declaration) + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        override_type("/word/document.xml", "officedocument.wordprocessingml.document.main") +
        override_type("/word/styles.xml", "officedocument.wordprocessingml.styles") +
        override_type("/word/settings.xml", "officedocument.wordprocessingml.settings") +
        override_type("/word/comments.xml", "officedocument.wordprocessingml.comments") +
        override_type("/word/header1.xml", "officedocument.wordprocessingml.header") +
        override_type("/docProps/core.xml", "package.core-properties") +
        override_type("/docProps/app.xml", "officedocument.extended-properties") + "</Types>");
    parts.emplace_back("_rels/.rels",
        std::string(xml_declaration) + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        relationship("rId1", std::string(relationship_type) + "officeDocument", "word/document.xml") +
        relationship("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml") +
        relationship("rId3", std::string(relationship_type) + "extended-properties", "docProps/app.xml") + "</Relationships>");
    parts.emplace_back("docProps/core.xml",
        std::string(xml_declaration) + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" + escape_xml(title) + "</dc:title><dc:creator>" +
        escape_xml(options.author) + "</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">" + date +
        "</dcterms:created></cp:coreProperties>");
    parts.emplace_back("docProps/app.xml",
        std::string(xml_declaration) + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        "<Application>resdraft</Application></Properties>");
    parts.emplace_back("word/document.xml",
        std::string(xml_declaration) + "<w:document " + std::string(wordml) + " " + std::string(relationships_ns) + "><w:body>\n" + writer.body +
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId5\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        "<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/>"
        "</w:sectPr></w:body></w:document>");
    parts.emplace_back("word/_rels/document.xml.rels",
        std::string(xml_declaration) + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        relationship("rId1", std::string(relationship_type) + "styles", "styles.xml") +
        relationship("rId2", std::string(relationship_type) + "settings", "settings.xml") +
        relationship("rId3", std::string(relationship_type) + "comments", "comments.xml") +
        relationship("rId5", std::string(relationship_type) + "header", "header1.xml") + "</Relationships>");
    parts.emplace_back("word/styles.xml", styles_xml);
    parts.emplace_back("word/settings.xml",
        std::string(xml_declaration) + "<w:settings " + std::string(wordml) + "><w:trackRevisions/><w:defaultTabStop w:val=\"720\"/></w:settings>");
    parts.emplace_back("word/comments.xml", std::string(xml_declaration) + "<w:comments " + std::string(wordml) + ">\n" + writer.comments + "</w:comments>");
    parts.emplace_back("word/header1.xml",
        std::string(xml_declaration) + "<w:hdr " + std::string(wordml) + "><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr><w:r><w:t>" +
        escape_xml(title + ": accept all changes for the draft, reject all for the reference (resdraft check)") +
        "</w:t></w:r></w:p></w:hdr>");
    return parts;
}

std::string check_docx(const check_result& r, const grammar::document& reference, const grammar::document& draft,
                       const docx_options& options) {
    const auto parts = check_docx_parts(r, reference, draft, options);
    // libzip fails in memory only when memory runs out (ZIP_ER_MEMORY: exit code 3, as any bad_alloc), or by a bug
    const auto fail = [](const std::string& what, zip_error_t* e) {
        if (e && zip_error_code_zip(e) == ZIP_ER_MEMORY) throw std::bad_alloc();
        const std::string message = "writing the .docx: " + what + ": " + (e ? zip_error_strerror(e) : "failed");
        if (e) zip_error_fini(e);  // frees the string zip_error_strerror made
        throw std::runtime_error(message);
    };
    zip_error_t error;
    zip_error_init(&error);
    const std::unique_ptr<zip_source_t, void (*)(zip_source_t*)> buffer(zip_source_buffer_create(nullptr, 0, 0, &error), zip_source_free);
    if (!buffer) fail("zip_source_buffer_create", &error);
    zip_source_keep(buffer.get());  // read back after zip_close
    zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
    if (!archive) fail("zip_open_from_source", &error);
    // the entries' time is the changes' date, as MS-DOS writes it (local time there; UTC here, so that the
    // bytes do not depend on the time zone), from 1980 on
    const std::string date = w3c_date(std::max<std::int64_t>(options.date, 315532800));
    const auto field = [&](std::size_t at, std::size_t n) { return static_cast<zip_uint16_t>(std::stoi(date.substr(at, n))); };
    const auto dos_date = static_cast<zip_uint16_t>(((field(0, 4) - 1980) << 9) | (field(5, 2) << 5) | field(8, 2));
    const auto dos_time = static_cast<zip_uint16_t>((field(11, 2) << 11) | (field(14, 2) << 5) | (field(17, 2) / 2));
    for (const auto& [name, bytes] : parts) {
        zip_source_t* s = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        const zip_int64_t index = s ? zip_file_add(archive, name.c_str(), s, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0 || zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0) != 0 ||
            zip_file_set_dostime(archive, static_cast<zip_uint64_t>(index), dos_time, dos_date, 0) != 0) {
            if (s && index < 0) zip_source_free(s);
            zip_error_t copy;
            zip_error_init(&copy);
            zip_error_set(&copy, zip_error_code_zip(zip_get_error(archive)), zip_error_code_system(zip_get_error(archive)));
            zip_discard(archive);
            fail("adding " + name, &copy);
        }
    }
    if (zip_close(archive) != 0) {
        zip_error_t copy;
        zip_error_init(&copy);
        zip_error_set(&copy, zip_error_code_zip(zip_get_error(archive)), zip_error_code_system(zip_get_error(archive)));
        zip_discard(archive);
        fail("zip_close", &copy);
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(buffer.get(), &st) != 0 || zip_source_open(buffer.get()) != 0) fail("reading the archive back", zip_source_error(buffer.get()));
    std::string out(static_cast<std::size_t>(st.size), '\0');
    const zip_int64_t got = zip_source_read(buffer.get(), out.data(), st.size);
    zip_source_close(buffer.get());
    if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) fail("reading the archive back", zip_source_error(buffer.get()));
    return out;
}

}  // namespace resdraft::report
