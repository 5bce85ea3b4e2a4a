import MinutesCore
import Testing

/// What a typed query means, and how a hit's words are marked.
struct SearchExpressionTests {
    @Test func wordsPhrasesPrefixesAlternativesAndExclusionsBecomeQuotedTerms() throws {
        let expression = try SearchExpression(parsing: "Café \"release NOTES\" depl* OR -x NOT Budget walrus")
        #expect(
            expression.fts5
                == "((\"cafe\" AND \"release notes\" AND \"depl\"*)) OR ((\"walrus\") NOT \"x\" NOT \"budget\")"
        )
        #expect(
            expression.tsquery
                == "(('cafe') & ('release' <-> 'notes') & ('depl':*)) | (!('x') & !('budget') & ('walrus'))"
        )
    }

    @Test func punctuationInsideAWordMakesAPhraseAndOperatorCharactersAreText() throws {
        #expect(try SearchExpression(parsing: "e-mail").fts5 == "((\"e mail\"))")
        #expect(try SearchExpression(parsing: "a\"b OR (c)").fts5 == "((\"a\" AND \"b or c\"))")
        #expect(try SearchExpression(parsing: "'; DROP TABLE").tsquery == "(('drop') & ('table'))")
    }

    @Test(arguments: ["", "   ", "\"", "\"\"", "AND", "OR NOT", "*", "-", "-walrus", "NOT walrus", "…"])
    func aQueryWithNothingToFindIsAClearError(text: String) {
        #expect(throws: MinutesError(.invalidInput, "")) { try SearchExpression(parsing: text) }
    }

    @Test func overlongQueriesAndTooManyTermsAreRefused() {
        #expect(throws: MinutesError(.invalidInput, "")) {
            try SearchExpression(parsing: String(repeating: "a", count: 10_000))
        }
        #expect(throws: MinutesError(.invalidInput, "")) {
            try SearchExpression(parsing: (0..<40).map { "w\($0)" }.joined(separator: " "))
        }
    }

    @Test func otherScriptsAreWordsFoldedAsLatinIs() throws {
        #expect(try SearchExpression(parsing: "ΚΑΛΗΜΈΡΑ Москва").fts5 == "((\"καλημερα\" AND \"москва\"))")
    }

    @Test func snippetsMarkMatchedWordsInTheOriginalAndCutAroundTheFirst() throws {
        let expression = try SearchExpression(parsing: "cafe pric*")
        #expect(
            SearchSnippet.marked("The Café pricing, priced.", for: expression)
                == "The «Café» «pricing», «priced»."
        )
        let long = String(repeating: "filler ", count: 60) + "the café opens" + String(repeating: " filler", count: 60)
        let snippet = SearchSnippet.marked(long, for: expression, width: 60)
        #expect(snippet.hasPrefix("…") && snippet.hasSuffix("…"))
        #expect(snippet.contains("«café»"))
        #expect(snippet.count <= 64)
    }
}
