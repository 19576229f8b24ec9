// The one translation unit that compiles the line grammar; each function runs one rule with x3::parse.
#include "grammar/detail/grammar.hpp"

#include "grammar/detail/bytes.hpp"
#include "grammar/detail/grammar_def.hpp"
#include "grammar/detail/iterator.hpp"

#include <cctype>

namespace resdraft::grammar::detail {
namespace {

namespace x3 = boost::spirit::x3;
using iterator = ascii_iterator;

iterator begin_of(std::string_view text) { return iterator(text.data()); }
iterator end_of(std::string_view text) { return iterator(text.data() + text.size()); }
std::size_t consumed(std::string_view text, iterator at) { return static_cast<std::size_t>(at.base() - text.data()); }

// The suffix parsed as the static word it equals, so that a marker owns no string.
std::string_view suffix_word(const boost::optional<std::string>& suffix) {
    static constexpr std::string_view words[] = {"bis", "ter", "quater"};
    for (std::string_view w : words)
        if (suffix && *suffix == w) return w;
    return {};
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// Tries `parser` at every word start of `line`; returns the first match's range.
template <typename Parser>
std::optional<found> search(std::string_view line, const Parser& parser) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (i > 0 && std::isalnum(static_cast<unsigned char>(line[i - 1]))) continue;
        iterator first = begin_of(line.substr(i));
        if (x3::parse(first, end_of(line), parser)) return found{i, consumed(line, first)};
    }
    return std::nullopt;
}

}  // namespace

std::optional<number_marker> match_paragraph_number(std::string_view line) {
    if (line.empty() || line[0] < '0' || line[0] > '9') return std::nullopt;  // continuation lines, without X3
    iterator first = begin_of(line);
    ast::number n;
    if (!x3::parse(first, end_of(line), rules::paragraph_number, n))
        return std::nullopt;
    return number_marker{n.value, suffix_word(n.suffix), consumed(line, first)};
}

std::optional<label_marker> match_subparagraph_label(std::string_view line) {
    if (line.empty() || line[0] != '(') return std::nullopt;  // most lines, without X3
    iterator first = begin_of(line);
    std::string label;
    if (!x3::parse(first, end_of(line), rules::subparagraph_label, label))
        return std::nullopt;
    return label_marker{line.substr(1, label.size()), consumed(line, first)};  // the letters after "("
}

std::optional<unsigned> match_footnote_definition(std::string_view line) {
    if (line.empty() || line[0] != '[') return std::nullopt;  // nearly every line, without X3
    iterator first = begin_of(line);
    unsigned n = 0;
    if (!x3::parse(first, end_of(line), rules::footnote_definition, n)) return std::nullopt;
    return n;
}

std::optional<footnote_marker> match_inline_footnote(std::string_view text) {
    iterator first = begin_of(text);
    unsigned n = 0;
    if (!x3::parse(first, end_of(text), rules::footnote_reference, n)) return std::nullopt;
    return footnote_marker{n, consumed(text, first)};
}

bool match_meeting_line(std::string_view line) {
    if (line.empty() || line[0] < '0' || line[0] > '9') return false;  // most lines, without X3
    iterator first = begin_of(line);
    return x3::parse(first, end_of(line), rules::meeting_line);
}

std::optional<std::string_view> match_annex_heading(std::string_view line) {
    if (line.empty() || lower_ascii(line[0]) != 'a') return std::nullopt;  // nearly every line, without X3
    iterator first = begin_of(line);
    std::string roman;
    if (!x3::parse(first, end_of(line), rules::annex_heading, roman)) return std::nullopt;
    // only blanks follow the numeral
    const std::size_t end = line.find_last_not_of(" \t") + 1;
    return line.substr(end - roman.size(), roman.size());
}

std::optional<std::size_t> match_annex_with_title(std::string_view line) {
    if (!line.starts_with("Annex ")) return std::nullopt;  // nearly every line, without X3
    iterator first = begin_of(line);
    if (!x3::parse(first, end_of(line), rules::annex_with_title)) return std::nullopt;
    return consumed(line, first);
}

std::optional<unsigned> match_article_heading(std::string_view line) {
    if (!line.starts_with("Article ")) return std::nullopt;  // nearly every line, without X3
    iterator first = begin_of(line);
    unsigned n = 0;
    if (!x3::parse(first, end_of(line), rules::article_heading, n)) return std::nullopt;
    return n;
}

bool match_enacting_formula(std::string_view line) {
    if (!line.starts_with('T')) return false;  // most lines, without X3
    iterator first = begin_of(line);
    return x3::parse(first, end_of(line), rules::enacting_formula);
}

std::optional<numbered_title> match_numbered_title(std::string_view line) {
    iterator first = begin_of(line);
    ast::numbered_title t;
    if (!x3::parse(first, end_of(line), rules::numbered_title, t)) return std::nullopt;
    return numbered_title{"A/RES/" + std::to_string(t.session) + "/" + std::to_string(t.number), consumed(line, first)};
}

std::optional<found> find_date(std::string_view line) { return search(line, rules::date); }

std::optional<found> find_session(std::string_view line) {
    const auto f = search(line, rules::session);
    if (!f) return std::nullopt;
    // an ordinal ("Sixty-eighth", "Eightieth", "Seventy-first"), not "special session"
    const std::string_view word = line.substr(f->begin, line.find(' ', f->begin) - f->begin);
    const bool ordinal = word.size() > 2 && (word.ends_with("th") || word.ends_with("st") || word.ends_with("nd") ||
                                             word.ends_with("rd"));
    return ordinal && std::isupper(static_cast<unsigned char>(word[0])) ? f : std::nullopt;
}

std::optional<found> find_agenda_item(std::string_view line) {
    const auto f = search(line, x3::lit("Agenda item") >> x3::omit[+x3::blank]);
    if (!f) return std::nullopt;
    iterator first = begin_of(line.substr(f->end));
    if (!x3::parse(first, end_of(line), x3::raw[rules::agenda_number])) return std::nullopt;
    return found{f->end, consumed(line, first)};
}

std::optional<found> find_symbol(std::string_view line) {
    iterator first = begin_of(line);
    if (!x3::parse(first, end_of(line), rules::un_symbol)) return std::nullopt;
    return found{0, consumed(line, first)};
}

std::optional<std::string_view> match_job_number(std::string_view line) {
    if (line.size() < 8 || !digit(line[0]) || line[2] != '-') return std::nullopt;  // nearly every line, without X3
    iterator first = begin_of(line);
    if (!x3::parse(first, end_of(line), rules::job_number)) return std::nullopt;
    return line.substr(0, 8);
}

std::optional<page_count> match_page_count(std::string_view line) {
    if (line.empty() || !digit(line[0]) || line.size() > 12) return std::nullopt;  // most lines, without X3
    iterator first = begin_of(line);
    boost::fusion::deque<unsigned, unsigned> numbers;
    if (!x3::parse(first, end_of(line), rules::page_count, numbers)) return std::nullopt;
    const page_count count{boost::fusion::at_c<0>(numbers), boost::fusion::at_c<1>(numbers)};
    if (count.page == 0 || count.page > count.pages) return std::nullopt;
    return count;
}

bool match_barcode(std::string_view line) {
    if (!line.starts_with('*')) return false;  // nearly every line, without X3
    iterator first = begin_of(line);
    return x3::parse(first, end_of(line), rules::barcode);
}

bool match_footnote_separator(std::string_view line) {
    if (!line.starts_with("__________")) return false;  // nearly every line, without X3
    iterator first = begin_of(line);
    return x3::parse(first, end_of(line), rules::footnote_separator);
}

std::optional<unsigned> match_page_footnote(std::string_view line) {
    if (line.empty() || !digit(line[0])) return std::nullopt;  // most lines, without X3
    iterator first = begin_of(line);
    unsigned n = 0;
    if (!x3::parse(first, end_of(line), rules::page_footnote >> x3::omit[*x3::char_], n)) return std::nullopt;
    return n;
}

std::optional<std::string> symbol_from_file_stem(std::string_view stem) {
    iterator first = begin_of(stem);
    const iterator last = end_of(stem);
    boost::fusion::deque<unsigned, unsigned> numbers;
    if (x3::parse(first, last, rules::stem_resolution, numbers))
        return "A/RES/" + std::to_string(boost::fusion::at_c<0>(numbers)) + "/" +
               std::to_string(boost::fusion::at_c<1>(numbers));
    first = begin_of(stem);
    if (x3::parse(first, last, rules::stem_limited, numbers))
        return "A/" + std::to_string(boost::fusion::at_c<0>(numbers)) + "/L." +
               std::to_string(boost::fusion::at_c<1>(numbers));
    return std::nullopt;
}

std::optional<yaml_field> match_yaml_field(std::string_view line) {
    iterator first = begin_of(line);
    const iterator last = end_of(line);
    boost::iterator_range<iterator> key;
    if (!x3::parse(first, last, rules::yaml_key >> ':' >> x3::omit[*x3::blank], key)) return std::nullopt;
    std::string_view value = line.substr(consumed(line, first));
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.remove_suffix(1);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
        value = value.substr(1, value.size() - 2);
    return yaml_field{line.substr(consumed(line, key.begin()), key.size()), value};
}

}  // namespace resdraft::grammar::detail
