package tech.aiqem.chimera.judge.core.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * English word stems with their positions, through Lucene's English analyzer (lower case, possessives,
 * stop words, Porter stemming): "politics", "political" and "politicians" all become "polit".
 */
public final class Stems {

	/** One stemmed word and where it stands in the text. */
	public record Stem(String stem, int start, int end) {
	}

	// Thread-safe: Lucene analyzers keep per-thread token streams.
	private static final Analyzer ENGLISH = new EnglishAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);

	private static final Analyzer ENGLISH_ALL_WORDS = new EnglishAnalyzer(CharArraySet.EMPTY_SET);

	private Stems() {
	}

	/** The content words of a text, stemmed, in order. */
	public static List<Stem> of(String text) {
		return analyse(ENGLISH, text);
	}

	/** Every word stemmed, stop words kept (for phrases like "left wing" or "to the moon"). */
	public static List<Stem> allWords(String text) {
		return analyse(ENGLISH_ALL_WORDS, text);
	}

	/** The stems of a phrase joined by spaces: the key a phrase is looked up by. */
	public static String key(String phrase) {
		return String.join(" ", allWords(phrase).stream().map(Stem::stem).toList());
	}

	private static List<Stem> analyse(Analyzer analyzer, String text) {
		List<Stem> stems = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return stems;
		}
		try (TokenStream tokens = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				stems.add(new Stem(term.toString(), offset.startOffset(), offset.endOffset()));
			}
			tokens.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return stems;
	}
}
