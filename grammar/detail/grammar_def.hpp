// The X3 rules for the lines of a resolution. Included by grammar.cpp only, so they compile once.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/optional.hpp>
#include <boost/spirit/home/x3.hpp>

#include <string>

namespace resdraft::grammar::detail::ast {
struct number {
    unsigned value = 0;
    boost::optional<std::string> suffix;
};
struct numbered_title {
    unsigned session = 0;
    unsigned number = 0;
};
}  // namespace resdraft::grammar::detail::ast

BOOST_FUSION_ADAPT_STRUCT(resdraft::grammar::detail::ast::number, value, suffix)
BOOST_FUSION_ADAPT_STRUCT(resdraft::grammar::detail::ast::numbered_title, session, number)

namespace resdraft::grammar::detail::rules {

namespace x3 = boost::spirit::x3;

const x3::uint_parser<unsigned, 10, 1, 6> small_number;  // up to 999999 paragraphs
const x3::uint_parser<unsigned, 10, 1, 2> day_number;
const x3::uint_parser<unsigned, 10, 4, 4> year_number;
const auto blanks = x3::omit[+x3::blank];

// "17. ", "5 bis. ", and the odd numbering of pasted drafts: "1 .", "1)"
const x3::rule<class paragraph_number_id, ast::number> paragraph_number = "paragraph number";
const x3::rule<class paragraph_suffix_id, std::string> paragraph_suffix = "paragraph suffix";
const auto paragraph_suffix_def = x3::string("bis") | x3::string("ter") | x3::string("quater");
const auto paragraph_number_def =
    x3::lexeme[small_number >> -(blanks >> paragraph_suffix) >> x3::omit[*x3::blank] >> x3::omit[x3::char_(".)")] >>
               &(x3::blank | x3::eoi) >> x3::omit[*x3::blank]];

// "(a)", "(iv)": subparagraph labels
const x3::rule<class subparagraph_label_id, std::string> subparagraph_label = "subparagraph label";
const auto subparagraph_label_def = x3::lexeme['(' >> x3::repeat(1, 4)[x3::lower] >> ')' >> &(x3::blank | x3::eoi) >>
                                                  x3::omit[*x3::blank]];

// "[^12]" and "[^12]:"
const x3::rule<class footnote_reference_id, unsigned> footnote_reference = "footnote reference";
const auto footnote_reference_def = x3::lit("[^") >> x3::uint_ >> ']';
const x3::rule<class footnote_definition_id, unsigned> footnote_definition = "footnote definition";
const auto footnote_definition_def = footnote_reference >> ':';

// "28th plenary meeting 4 November 2025"
const x3::rule<class meeting_line_id> meeting_line = "meeting line";
const auto meeting_line_def = x3::lexeme[x3::uint_ >> (x3::lit("st") | "nd" | "rd" | "th") >> blanks >>
                                         "plenary meeting"];

// "Annex", "Annex II"
const x3::rule<class annex_heading_id, std::string> annex_heading = "annex heading";
const auto annex_heading_def =
    x3::lexeme[x3::no_case["annex"] >> -(blanks >> +x3::char_("IVX")) >> x3::omit[*x3::blank] >> x3::eoi];

// "Annex Political declaration on ...": a capitalized word after "Annex" that is not a roman numeral
const auto annex_with_title = x3::lexeme[x3::lit("Annex") >> blanks >> !(+x3::char_("IVX") >> (x3::blank | x3::eoi)) >>
                                         &x3::upper];

// "Article 12"
const auto article_heading = x3::lexeme[x3::lit("Article") >> blanks >> small_number >> x3::omit[*x3::blank] >> x3::eoi];

// "The General Assembly," standing alone
const x3::rule<class enacting_formula_id> enacting_formula = "enacting formula";
const auto organ = x3::lit("General Assembly") | "Security Council" | "Economic and Social Council" |
                   "Human Rights Council";
const auto enacting_formula_def = x3::lexeme["The" >> blanks >> organ >> -x3::lit(',') >> *x3::blank >> x3::eoi];

// "80/39. " opening a GA resolution's title line
const x3::rule<class numbered_title_id, ast::numbered_title> numbered_title = "numbered title";
const auto numbered_title_def = x3::lexeme[x3::uint_ >> '/' >> x3::uint_ >> '.' >> blanks];

// "1 October 2013"
struct month_table : x3::symbols<unsigned> {
    month_table() {
        add("January", 1)("February", 2)("March", 3)("April", 4)("May", 5)("June", 6)("July", 7)("August", 8)(
            "September", 9)("October", 10)("November", 11)("December", 12);
    }
};
const month_table months;
const auto date = x3::lexeme[day_number >> blanks >> months >> blanks >> year_number >> !x3::digit];

// "Sixty-eighth session"
const auto session = x3::lexeme[+(x3::alpha | x3::char_('-')) >> blanks >> "session" >> !x3::alnum];

// "Agenda item 21 (e)" -> "21 (e)"
const auto agenda_number = x3::lexeme[x3::uint_ >> -(blanks >> '(' >> +x3::alpha >> ')')];

// "A/RES/80/9", "A/68/L.5"
const auto un_symbol = x3::lexeme["A/" >> +(x3::alnum | (x3::char_("/.") >> &x3::alnum))];

// page furniture: "20-14566 (E)    061120", "3/12", "*2014566*", "__________________", "11  United Nations ..."
const x3::uint_parser<unsigned, 10, 2, 2> two_digits;
const x3::uint_parser<unsigned, 10, 5, 5> five_digits;
const x3::uint_parser<unsigned, 10, 1, 3> short_number;
const auto job_number = x3::lexeme[two_digits >> '-' >> five_digits >> -(blanks >> "(E)" >> -(blanks >> +x3::digit)) >>
                                   x3::omit[*x3::blank] >> x3::eoi];
const auto page_count = x3::lexeme[short_number >> '/' >> short_number >> x3::omit[*x3::blank] >> x3::eoi];
const auto barcode = x3::lexeme['*' >> x3::repeat(7)[x3::digit] >> '*' >> x3::omit[*x3::blank] >> x3::eoi];
const auto footnote_separator = x3::lexeme[x3::repeat(10, x3::inf)['_'] >> x3::omit[*x3::blank] >> x3::eoi];
const auto page_footnote = x3::lexeme[short_number >> x3::omit[x3::repeat(1, 3)[x3::blank]] >> &x3::graph];

// file stems: "a-68-l5", "A_RES_80_5"
const auto stem_separator = x3::omit[x3::char_("-_./ ")];
const auto stem_resolution = x3::no_case[x3::lit('a') >> stem_separator >> "res"] >> stem_separator >> x3::uint_ >>
                             stem_separator >> x3::uint_ >> x3::eoi;
const auto stem_limited = x3::no_case[x3::lit('a')] >> stem_separator >> x3::uint_ >> stem_separator >>
                          x3::no_case[x3::lit('l')] >> -x3::lit('.') >> x3::uint_ >> x3::eoi;

// "key: value" in YAML front matter
const auto yaml_key = x3::raw[x3::lexeme[x3::alpha >> *(x3::alnum | x3::char_('_'))]];

BOOST_SPIRIT_DEFINE(paragraph_number, paragraph_suffix, subparagraph_label, footnote_reference, footnote_definition, meeting_line,
                    annex_heading, enacting_formula, numbered_title)

}  // namespace resdraft::grammar::detail::rules
