#pragma once
// A set of words looked up by binary search over a sorted list of views: built from a cache file
// it costs one pass over the words (the 64,000 of an English word list), not one allocation each.
// The words it owns (added one by one) live in storage its copies share.
#include <algorithm>
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
        return set;
    }

    void insert(std::string_view word) {
        const auto at = std::lower_bound(m_words.begin(), m_words.end(), word);
        if (at != m_words.end() && *at == word) return;
        if (!m_own) m_own = std::make_shared<std::deque<std::string>>();
        m_own->emplace_back(word);  // a deque keeps its strings in place as it grows
        m_words.insert(at, m_own->back());
    }
    void insert(std::initializer_list<std::string_view> words) {
        for (std::string_view w : words) insert(w);
    }
    std::size_t count(std::string_view word) const { return std::binary_search(m_words.begin(), m_words.end(), word) ? 1 : 0; }
    std::size_t size() const { return m_words.size(); }
    bool empty() const { return m_words.empty(); }
    const std::vector<std::string_view>& words() const { return m_words; }  // sorted

private:
    std::vector<std::string_view> m_words;
    std::shared_ptr<std::deque<std::string>> m_own;
    std::shared_ptr<const void> m_keep;
};

}  // namespace storyplot
