#pragma once
// A set of words: a sorted list of views and an open-addressed table of their indices. Built from a
// cache file it costs one pass over the words (the 64,000 of an English word list, about 2 ms), not
// one allocation each; a lookup is one hash and a compare or two. The words it owns (added one by
// one) live in storage its copies share.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <deque>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace storyplot {

class WordSet {
public:
    WordSet() = default;
    WordSet(std::initializer_list<std::string_view> words) { insert(words); }

    // Over words that lie elsewhere, sorted and each once; `keep` holds what they lie in.
    static WordSet over(std::vector<std::string_view> sorted, std::shared_ptr<const void> keep) {
        WordSet set;
        set.m_words = std::move(sorted);
        set.m_keep = std::move(keep);
        set.index();
        return set;
    }

    void insert(std::string_view word) {
        const auto at = std::lower_bound(m_words.begin(), m_words.end(), word);
        if (at != m_words.end() && *at == word) return;
        if (!m_own) m_own = std::make_shared<std::deque<std::string>>();
        m_own->emplace_back(word);  // a deque keeps its strings in place as it grows
        m_words.insert(at, m_own->back());
        index();
    }
    void insert(std::initializer_list<std::string_view> words) {
        for (std::string_view w : words) insert(w);
    }
    std::size_t count(std::string_view word) const {
        if (m_slots.empty()) return 0;
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t at = std::hash<std::string_view>{}(word) & mask;; at = (at + 1) & mask) {
            if (m_slots[at] == 0) return 0;
            if (m_words[m_slots[at] - 1] == word) return 1;
        }
    }
    std::size_t size() const { return m_words.size(); }
    bool empty() const { return m_words.empty(); }
    const std::vector<std::string_view>& words() const { return m_words; }  // sorted

private:
    // Slots at least twice the words, a power of two; 0 is empty, else the word's index plus one.
    void index() {
        std::size_t size = 16;
        while (size < 2 * m_words.size()) size *= 2;
        m_slots.assign(size, 0);
        for (std::size_t i = 0; i < m_words.size(); ++i) {
            std::size_t at = std::hash<std::string_view>{}(m_words[i]) & (size - 1);
            while (m_slots[at] != 0) at = (at + 1) & (size - 1);
            m_slots[at] = static_cast<std::uint32_t>(i + 1);
        }
    }

    std::vector<std::string_view> m_words;
    std::vector<std::uint32_t> m_slots;
    std::shared_ptr<std::deque<std::string>> m_own;
    std::shared_ptr<const void> m_keep;
};

}  // namespace storyplot
