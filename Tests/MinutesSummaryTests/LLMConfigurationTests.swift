import Foundation
import MinutesCore
import MinutesSummary
import Testing

struct LLMConfigurationTests {
    @Test func anEmptyEnvironmentGivesTheDefaultsAndDoesNotAskForTheLLM() throws {
        let configuration = try LLMConfiguration(environment: [:])

        #expect(!configuration.isRequested)
        #expect(configuration.baseURL.absoluteString == "https://api.openai.com/v1")
        #expect(configuration.chatCompletionsURL.absoluteString == "https://api.openai.com/v1/chat/completions")
        #expect(configuration.model == "gpt-4o-mini")
        #expect(configuration.apiKey == nil)
        #expect(configuration.timeout == .seconds(60))
        #expect(configuration.retry.maxAttempts == 3)
        #expect(configuration.contextTokens == 16_000)
    }

    @Test func everyVariableIsRead() throws {
        let configuration = try LLMConfiguration(environment: [
            "MINUTES_LLM_BASE_URL": "http://127.0.0.1:8080/v1/",
            "MINUTES_LLM_API_KEY": " sk-minutes ",
            "OPENAI_API_KEY": "sk-openai",
            "MINUTES_LLM_MODEL": "llama3.1:8b",
            "MINUTES_LLM_TIMEOUT_SECONDS": "2.5",
            "MINUTES_LLM_MAX_ATTEMPTS": "5",
            "MINUTES_LLM_CONTEXT_TOKENS": "8192",
        ])

        #expect(configuration.isRequested)
        #expect(configuration.chatCompletionsURL.absoluteString == "http://127.0.0.1:8080/v1/chat/completions")
        #expect(configuration.apiKey == LLMAPIKey("sk-minutes"))
        #expect(configuration.model == "llama3.1:8b")
        #expect(configuration.timeout == .milliseconds(2_500))
        #expect(configuration.retry.maxAttempts == 5)
        #expect(configuration.contextTokens == 8_192)
    }

    @Test func openAIsKeySuppliesTheKeyButDoesNotAskForTheLLM() throws {
        let configuration = try LLMConfiguration(environment: ["OPENAI_API_KEY": "sk-openai"])

        #expect(configuration.apiKey == LLMAPIKey("sk-openai"))
        #expect(!configuration.isRequested)
    }

    @Test(arguments: [
        ("MINUTES_LLM_BASE_URL", "ftp://example.com", "MINUTES_LLM_BASE_URL must be an http or https URL"),
        ("MINUTES_LLM_BASE_URL", "not a url", "MINUTES_LLM_BASE_URL must be an http or https URL"),
        ("MINUTES_LLM_TIMEOUT_SECONDS", "0", "MINUTES_LLM_TIMEOUT_SECONDS must be a number of seconds above 0"),
        ("MINUTES_LLM_TIMEOUT_SECONDS", "soon", "MINUTES_LLM_TIMEOUT_SECONDS must be a number of seconds above 0"),
        ("MINUTES_LLM_MAX_ATTEMPTS", "11", "MINUTES_LLM_MAX_ATTEMPTS must be a whole number from 1 to 10"),
        ("MINUTES_LLM_CONTEXT_TOKENS", "512", "MINUTES_LLM_CONTEXT_TOKENS must be a whole number of at least 2048"),
    ])
    func badValuesNameTheVariable(name: String, value: String, message: String) throws {
        let error = #expect(throws: MinutesError.self) {
            try LLMConfiguration(environment: [name: value])
        }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.hasPrefix(message) == true)
    }

    @Test func aBaseURLWithCredentialsIsNeverRepeated() throws {
        let error = #expect(throws: MinutesError.self) {
            try LLMConfiguration(environment: ["MINUTES_LLM_BASE_URL": "ftp://user:hunter2@example.com"])
        }
        #expect(error?.message.contains("hunter2") == false)

        let configuration = try LLMConfiguration(environment: [
            "MINUTES_LLM_BASE_URL": "https://user:hunter2@llm.example.com:8443/v1?api-key=hunter2"
        ])
        #expect(configuration.endpointDescription == "https://llm.example.com:8443")
        #expect(!"\(configuration)".contains("hunter2"))
    }
}
