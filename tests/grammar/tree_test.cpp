// The tree (stage 2b) as a specification: each input with its exact tree, in the notation of render()
// below, built from its typed lines alone (stages 1 and 2a before it, no clauses after it).
#include "grammar/detail/tree.hpp"
#include "grammar/index.hpp"

#include <gtest/gtest.h>

#include <string>

namespace resdraft::grammar::detail {
namespace {

void render_subparagraphs(const document& doc, const std::vector<subparagraph>& subs, std::string& out) {
    if (subs.empty()) return;
    out += " [";
    for (std::size_t i = 0; i < subs.size(); ++i) {
        const subparagraph& s = subs[i];
        // appends: GCC 12 warns (-Wrestrict) on "(" + std::string here
        out.append(i ? "; (" : "(").append(s.id).append(s.label_missing ? "?)" : ")");
        const span own{s.text.begin, s.subparagraphs.empty() ? s.text.end : s.subparagraphs.front().whole.begin};
        out.append(" \"").append(normalized_text(doc, own)).append("\"");
        render_subparagraphs(doc, s.subparagraphs, out);
    }
    out += "]";
}

// `header{symbol date} body{formula} pp1 "Recalling ..." | 1 "Decides ..." [(a) "..."; (b) "..."] |
// annex{formula} 1 "..." excluded{"[^1]"} warn{...}`: the header, then each part once, at its first
// paragraph, with whether it has a title and a formula; each paragraph's id and chapeau as a reader
// sees it, its subparagraphs; then the excluded ranges and the warnings.
std::string render(const document& doc) {
    std::string out = "header{";
    out.append(doc.symbol.value_or("")).append(doc.date ? " " : "").append(doc.date ? doc.text(*doc.date) : "").append("}");
    std::size_t part = doc.parts.size();
    for (const paragraph& p : doc.paragraphs) {
        if (p.part != part) {
            part = p.part;
            const struct part& pt = doc.parts[part];
            out.append(" ").append(pt.name).append("{").append(pt.title ? "title" : "");
            out.append(pt.title && pt.formula ? " " : "").append(pt.formula ? "formula" : "").append("}");
        } else {
            out += " |";
        }
        EXPECT_TRUE(p.clauses.empty()) << "clauses are stage 3's";
        out.append(" ").append(p.id).append(" \"").append(normalized_text(doc, p.chapeau)).append("\"");
        render_subparagraphs(doc, p.subparagraphs, out);
    }
    for (const span& e : doc.excluded) out.append(" excluded{\"").append(doc.text(e)).append("\"}");
    for (const warning& w : doc.warnings) out.append(" warn{").append(w.message).append("}");
    return out;
}

std::string tree_of(const std::string& text) {
    structural_index index;
    const parse_result tree = parse_tree(source::owning(text, "A_RES_80_1.md"), index);
    return tree.ok() ? render(tree.value()) : "error{" + tree.error().message + "}";
}

struct tree_case {
    std::string text;
    std::string expected;
};

TEST(Tree, PartsParagraphsAndSubparagraphs) {
    const tree_case cases[] = {
        // header, formula, preambular and operative paragraphs; the file's name gives the symbol
        {"Resolution adopted by the General Assembly on 1 December 2025\n\nThe General Assembly,\n\n"
         "Recalling its resolution 68/4,\n\n1. Decides to act;\n\n2. Requests a report.\n",
         "header{A/RES/80/1 1 December 2025} body{formula} pp1 \"Recalling its resolution 68/4,\""
         " | 1 \"Decides to act;\" | 2 \"Requests a report.\""},
        // subparagraphs under a chapeau, and (i), (ii) under (b); a lost letter is assigned by position
        {"1. Calls upon States:\n\n(a) To act;\n\n(b) To report:\n\n(i) Yearly;\n\n(ii) In full;\n\n2. Decides.\n",
         "header{A/RES/80/1} body{} 1 \"Calls upon States:\" [(a) \"To act;\"; (b) \"To report:\" [(i) \"Yearly;\";"
         " (ii) \"In full;\"]] | 2 \"Decides.\""},
        // a paragraph's lines run on into one text
        {"1. Decides to\ncontinue its work;\n\n2. Requests the\nSecretary-General to report.\n",
         "header{A/RES/80/1} body{} 1 \"Decides to continue its work;\" | 2 \"Requests the Secretary-General to report.\""},
        // a number run together with the text before it (PDF text), after a sentence end
        {"1. Decides to act. 2. Urges States to report.\n",
         "header{A/RES/80/1} body{} 1 \"Decides to act.\" | 2 \"Urges States to report.\""},
        // a repeated number gets a suffix; a number out of sequence is kept, with a warning
        {"1. Decides.\n\n1. Urges.\n\n5. Notes.\n",
         "header{A/RES/80/1} body{} 1 \"Decides.\" | 1-2 \"Urges.\" | 5 \"Notes.\""
         " warn{paragraph 1 out of order (expected 2)} warn{paragraph 5 out of order (expected 2)}"},
        // footnote markers, in markdown and glued to a word, are excluded from the text
        {"1. Recalls the Convention,[^1] and Agreement.2\n\n---\n[^1]: Ibid.\n[^2]: Ibid.\n",
         "header{A/RES/80/1} body{} 1 \"Recalls the Convention, and Agreement.\" excluded{\"[^1]\"} excluded{\"2\"}"},
        // an annex with its own title, formula and numbering; its heading is left out of the text
        {"1. Adopts the declaration annexed.\n\nAnnex\n\nPolitical declaration\n\nWe, the Heads of State,\n\n"
         "1. Reaffirm our commitment;\n",
         "header{A/RES/80/1} body{} 1 \"Adopts the declaration annexed.\" annex{title formula} 1 \"Reaffirm our commitment;\""
         " excluded{\"Annex\"}"},
        // refused as parse_document refuses it
        {" \n\t\n", "error{no text: input holds only whitespace}"},
        // no line opens a paragraph: the blank-line blocks are operative paragraphs, with a warning
        {"Some words\n\nmore words\n",
         "header{A/RES/80/1} body{} 1 \"Some words\" | 2 \"more words\""
         " warn{no numbered or preambular paragraphs found; blank-line blocks taken as paragraphs}"},
    };
    for (const tree_case& c : cases) EXPECT_EQ(tree_of(c.text), c.expected) << c.text;
}

}  // namespace
}  // namespace resdraft::grammar::detail
