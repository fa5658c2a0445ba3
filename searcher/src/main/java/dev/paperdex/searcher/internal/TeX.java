package dev.paperdex.searcher.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns the TeX in arXiv metadata into Unicode text for display and search.
 *
 * <p>One pass over the text, no regular expressions: accents in all their arXiv spellings become composed letters
 * ({@code G\"oran \"Ostlin} is {@code Göran Östlin}), Greek letters and common math macros become symbols inside and
 * outside {@code $…$}, font and text macros give way to their argument, the TeX ligatures {@code --}, {@code ---},
 * {@code ``} and {@code ''} become dashes and quotes, and grouping braces and the {@code $} signs that only delimited
 * math are removed. What is not understood is kept as it was: an unknown macro such as {@code \foo} stays
 * {@code \foo} (with the braces of its arguments), a {@code $} without a partner stays a dollar sign, escaped
 * {@code \{} and {@code \}} stay braces. The result is in Unicode normal form C.
 *
 * <p>Scripts stay ASCII, because the search tokenizer drops Unicode super- and subscript digits ({@code CO₂} would
 * be found as {@code co} only): a numeric subscript in math becomes plain digits ({@code TiO$_2$} is {@code TiO2}),
 * other scripts keep their {@code ^} or {@code _} and lose their braces ({@code $10^{-3}$} is {@code 10^-3},
 * {@code $x^{n+1}$} is {@code x^(n+1)}), and {@code ^\circ} is a degree sign.
 */
public final class TeX {

  /** Characters after which the converter has something to do: everything else is copied as it is. */
  private static final boolean[] SPECIAL = new boolean[128];

  /** Characters that make a text worth converting ({@code '} and {@code -} only when doubled). */
  private static final boolean[] TRIGGER = new boolean[128];

  /** Combining marks of the text accents, by the character that names them ({@code \'}, {@code \v}, …). */
  private static final Map<Character, Character> ACCENT_MARKS = new HashMap<>();

  /** Spacing forms of the accents, shown when an accent has nothing to sit on. */
  private static final Map<Character, String> SPACING_ACCENTS = new HashMap<>();

  /** Letters written as control words: {@code \ss}, {@code \o}, {@code \i}, {@code \AA}, … */
  private static final Map<String, String> TEXT_LETTERS = new HashMap<>();

  /** Letters that may start a misspelt control word such as {@code J\orgensen}, longest first. */
  private static final String[] TEXT_LETTER_PREFIXES = {
    "ss", "aa", "AA", "ae", "AE", "oe", "OE", "dh", "DH", "dj", "DJ", "o", "O", "l", "L", "i", "j"
  };

  /** Control words that stand for a symbol: Greek letters, relations, arrows, operators, text symbols. */
  private static final Map<String, String> SYMBOLS = new HashMap<>();

  /** Math accents ({@code \hat{x}}) as combining marks. */
  private static final Map<String, Character> MATH_ACCENTS = new HashMap<>();

  /** Control words that are dropped with their one argument kept: {@code \emph{x}} is {@code x}. */
  private static final Set<String> KEEP_ARGUMENT = Set.of(
      "emph", "textit", "textbf", "textrm", "textsf", "texttt", "textsc", "textsl", "textmd", "textup",
      "textnormal", "text", "textsuperscript", "textsubscript", "mathrm", "mathbf", "mathit", "mathsf", "mathtt",
      "mathcal", "mathbb", "mathbbm", "mathds", "mathfrak", "mathscr", "mathnormal", "mathbfit", "boldsymbol", "bm",
      "pmb", "mbox", "hbox", "fbox", "makebox", "operatorname", "underline", "uline", "ensuremath", "mathop",
      "mathord", "mathrel", "mathbin", "ce", "si", "num", "uppercase", "lowercase", "MakeUppercase",
      "MakeLowercase", "emphasis", "underbrace", "overbrace", "boxed", "smash", "ul", "hl", "sout", "mathsc");

  /** Control words whose first argument is dropped and second kept: {@code \textcolor{red}{x}} is {@code x}. */
  private static final Set<String> KEEP_SECOND_ARGUMENT = Set.of(
      "textcolor", "colorbox", "href", "overset", "underset", "stackrel", "hyperlink", "texorpdfstring");

  /** Control words dropped together with their one argument: {@code \color{red}}, {@code \label{x}}. */
  private static final Set<String> DROP_WITH_ARGUMENT = Set.of(
      "color", "label", "vspace", "hspace", "phantom", "hphantom", "vphantom", "inst", "altaffilmark",
      "footnotemark", "thispagestyle", "pagestyle", "nocite", "kern", "mkern");

  /** Control words dropped without trace: font switches, sizes, spacing and delimiter-size commands. */
  private static final Set<String> DROP = Set.of(
      "rm", "it", "bf", "sf", "tt", "sc", "sl", "em", "cal", "bold", "boldmath", "unboldmath", "mit", "normalfont",
      "upshape", "itshape", "bfseries", "mdseries", "scshape", "slshape", "rmfamily", "sffamily", "ttfamily", "tiny",
      "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge", "noindent",
      "indent", "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle", "left", "right", "middle", "big",
      "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr", "bigm", "Bigm",
      "limits", "nolimits", "relax", "protect", "xspace", "allowbreak", "nobreak", "centering", "hfill", "vfill",
      "null", "strut", "leavevmode", "ignorespaces", "unskip", "smallskip", "medskip", "bigskip", "break",
      "linebreak", "pagebreak", "newpage", "clearpage", "maketitle", "noexpand", "expandafter", "mathstrut",
      "nonumber", "notag");

  /** Control words that read as a space: {@code \quad}, {@code \newline}, … */
  private static final Set<String> SPACES = Set.of(
      "quad", "qquad", "newline", "par", "enspace", "enskip", "thinspace", "medspace", "thickspace", "space",
      "nobreakspace", "cr");

  private static final char COMBINING_LONG_SOLIDUS = '\u0338';

  static {
    for (char c : "\\${}~`'-^_".toCharArray()) {
      SPECIAL[c] = true;
    }
    for (char c : "\\${}~`'-".toCharArray()) {
      TRIGGER[c] = true;
    }

    accent('\'', '\u0301', "´");
    accent('`', '\u0300', "`");
    accent('^', '\u0302', "^");
    accent('"', '\u0308', "¨");
    accent('~', '\u0303', "~");
    accent('=', '\u0304', "¯");
    accent('.', '\u0307', "˙");
    accent('u', '\u0306', "˘");
    accent('v', '\u030C', "ˇ");
    accent('H', '\u030B', "˝");
    accent('c', '\u0327', "¸");
    accent('k', '\u0328', "˛");
    accent('r', '\u030A', "˚");
    accent('d', '\u0323', ".");
    accent('b', '\u0331', "_");
    accent('t', '\u0361', "");

    String[] letters = {
      "ss", "ß", "SS", "SS", "o", "ø", "O", "Ø", "l", "ł", "L", "Ł", "ae", "æ", "AE", "Æ", "oe", "œ", "OE", "Œ",
      "aa", "å", "AA", "Å", "i", "ı", "j", "j", "dh", "ð", "DH", "Ð", "dj", "đ", "DJ", "Đ", "th", "þ", "TH", "Þ",
      "ng", "ŋ", "NG", "Ŋ", "eth", "ð", "ETH", "Ð"
    };
    for (int k = 0; k < letters.length; k += 2) {
      TEXT_LETTERS.put(letters[k], letters[k + 1]);
    }

    String[] symbols = {
      // Greek; the variant forms read as the plain letter so that every spelling finds the same paper
      "alpha", "α", "beta", "β", "gamma", "γ", "delta", "δ", "epsilon", "ε", "varepsilon", "ε", "zeta", "ζ",
      "eta", "η", "theta", "θ", "vartheta", "θ", "iota", "ι", "kappa", "κ", "varkappa", "κ", "lambda", "λ",
      "mu", "μ", "nu", "ν", "xi", "ξ", "omicron", "ο", "pi", "π", "varpi", "π", "rho", "ρ", "varrho", "ρ",
      "sigma", "σ", "varsigma", "ς", "tau", "τ", "upsilon", "υ", "phi", "φ", "varphi", "φ", "chi", "χ", "psi", "ψ",
      "omega", "ω", "Alpha", "Α", "Beta", "Β", "Gamma", "Γ", "Delta", "Δ", "Epsilon", "Ε", "Zeta", "Ζ", "Eta", "Η",
      "Theta", "Θ", "Iota", "Ι", "Kappa", "Κ", "Lambda", "Λ", "Mu", "Μ", "Nu", "Ν", "Xi", "Ξ", "Omicron", "Ο",
      "Pi", "Π", "Rho", "Ρ", "Sigma", "Σ", "Tau", "Τ", "Upsilon", "Υ", "Phi", "Φ", "Chi", "Χ", "Psi", "Ψ",
      "Omega", "Ω", "varGamma", "Γ", "varDelta", "Δ", "varTheta", "Θ", "varLambda", "Λ", "varXi", "Ξ", "varPi", "Π",
      "varSigma", "Σ", "varUpsilon", "Υ", "varPhi", "Φ", "varPsi", "Ψ", "varOmega", "Ω", "digamma", "ϝ",
      "upalpha", "α", "upbeta", "β", "upgamma", "γ", "updelta", "δ", "upmu", "μ", "uppi", "π", "textmu", "μ",
      "micro", "μ", "textalpha", "α", "textbeta", "β", "textgamma", "γ", "textlambda", "λ", "textpi", "π",
      // arrows
      "to", "→", "rightarrow", "→", "longrightarrow", "→", "leftarrow", "←", "gets", "←", "longleftarrow", "←",
      "leftrightarrow", "↔", "longleftrightarrow", "↔", "Rightarrow", "⇒", "Longrightarrow", "⇒", "implies", "⇒",
      "Leftarrow", "⇐", "Longleftarrow", "⇐", "impliedby", "⇐", "Leftrightarrow", "⇔", "Longleftrightarrow", "⇔",
      "iff", "⇔", "mapsto", "↦", "longmapsto", "↦", "uparrow", "↑", "downarrow", "↓", "Uparrow", "⇑",
      "Downarrow", "⇓", "updownarrow", "↕", "nearrow", "↗", "searrow", "↘", "nwarrow", "↖", "swarrow", "↙",
      "hookrightarrow", "↪", "hookleftarrow", "↩", "rightleftharpoons", "⇌", "leftrightharpoons", "⇋",
      "xrightarrow", "→", "xleftarrow", "←", "rightsquigarrow", "⇝", "textrightarrow", "→", "textleftarrow", "←",
      // relations
      "leq", "≤", "le", "≤", "leqslant", "≤", "geq", "≥", "ge", "≥", "geqslant", "≥", "neq", "≠", "ne", "≠",
      "ll", "≪", "gg", "≫", "lesssim", "≲", "gtrsim", "≳", "lsim", "≲", "gsim", "≳", "sim", "∼", "simeq", "≃",
      "approx", "≈", "cong", "≅", "equiv", "≡", "propto", "∝", "doteq", "≐", "asymp", "≍", "prec", "≺",
      "succ", "≻", "preceq", "⪯", "succeq", "⪰", "in", "∈", "notin", "∉", "ni", "∋", "subset", "⊂", "subseteq", "⊆",
      "supset", "⊃", "supseteq", "⊇", "subsetneq", "⊊", "supsetneq", "⊋", "sqsubseteq", "⊑", "sqsupseteq", "⊒",
      "perp", "⊥", "parallel", "∥", "mid", "∣", "nmid", "∤", "vdash", "⊢", "dashv", "⊣", "models", "⊨",
      "vDash", "⊨", "lessgtr", "≶", "gtrless", "≷", "lll", "⋘", "ggg", "⋙", "leqq", "≦", "geqq", "≧",
      "triangleq", "≜", "coloneqq", "≔", "eqqcolon", "≕", "nleq", "≰", "ngeq", "≱", "nsim", "≁", "ncong", "≇",
      // operators
      "times", "×", "pm", "±", "mp", "∓", "div", "÷", "cdot", "·", "centerdot", "·", "circ", "∘", "bullet", "•",
      "star", "⋆", "ast", "∗", "oplus", "⊕", "ominus", "⊖", "otimes", "⊗", "oslash", "⊘", "odot", "⊙",
      "wedge", "∧", "land", "∧", "vee", "∨", "lor", "∨", "neg", "¬", "lnot", "¬", "cap", "∩", "cup", "∪",
      "setminus", "∖", "backslash", "\\", "sqcap", "⊓", "sqcup", "⊔", "uplus", "⊎", "rtimes", "⋊", "ltimes", "⋉",
      "bowtie", "⋈", "wr", "≀", "dagger", "†", "dag", "†", "ddagger", "‡", "ddag", "‡", "amalg", "⨿",
      "sum", "∑", "prod", "∏", "coprod", "∐", "int", "∫", "iint", "∬", "iiint", "∭", "oint", "∮",
      "bigcup", "⋃", "bigcap", "⋂", "bigoplus", "⨁", "bigotimes", "⨂", "bigodot", "⨀", "bigvee", "⋁",
      "bigwedge", "⋀", "bigsqcup", "⨆", "biguplus", "⨄", "surd", "√", "over", "/",
      // misc math
      "infty", "∞", "partial", "∂", "nabla", "∇", "ell", "ℓ", "hbar", "ℏ", "hslash", "ℏ", "Re", "ℜ", "Im", "ℑ",
      "aleph", "ℵ", "beth", "ℶ", "wp", "℘", "forall", "∀", "exists", "∃", "nexists", "∄", "emptyset", "∅",
      "varnothing", "∅", "prime", "′", "angle", "∠", "measuredangle", "∡", "triangle", "△", "bigtriangleup", "△",
      "bigtriangledown", "▽", "square", "□", "Box", "□", "blacksquare", "■", "diamond", "⋄", "Diamond", "◇",
      "lozenge", "◊", "top", "⊤", "bot", "⊥", "clubsuit", "♣", "diamondsuit", "♢", "heartsuit", "♡",
      "spadesuit", "♠", "flat", "♭", "sharp", "♯", "natural", "♮", "checkmark", "✓", "cmark", "✓", "xmark", "✗",
      "langle", "⟨", "rangle", "⟩", "lceil", "⌈", "rceil", "⌉", "lfloor", "⌊", "rfloor", "⌋", "vert", "|",
      "lvert", "|", "rvert", "|", "Vert", "‖", "lVert", "‖", "rVert", "‖", "colon", ":", "ldots", "…",
      "dots", "…", "dotsc", "…", "dotsb", "⋯", "cdots", "⋯", "vdots", "⋮", "ddots", "⋱", "therefore", "∴",
      "because", "∵", "imath", "ı", "jmath", "ȷ", "complement", "∁", "mho", "℧", "Finv", "Ⅎ", "eth", "ð",
      "lbrace", "{", "rbrace", "}", "lbrack", "[", "rbrack", "]", "vartriangle", "△", "star", "⋆", "smile", "⌣",
      "frown", "⌢", "lhd", "⊲", "rhd", "⊳", "unlhd", "⊴", "unrhd", "⊵", "models", "⊨",
      // named functions read as their name
      "log", "log", "ln", "ln", "lg", "lg", "exp", "exp", "sin", "sin", "cos", "cos", "tan", "tan", "cot", "cot",
      "sec", "sec", "csc", "csc", "sinh", "sinh", "cosh", "cosh", "tanh", "tanh", "coth", "coth", "arcsin",
      "arcsin", "arccos", "arccos", "arctan", "arctan", "max", "max", "min", "min", "sup", "sup", "inf", "inf",
      "lim", "lim", "liminf", "lim inf", "limsup", "lim sup", "det", "det", "dim", "dim", "ker", "ker", "arg",
      "arg", "gcd", "gcd", "hom", "hom", "Pr", "Pr", "mod", "mod", "bmod", "mod", "argmax", "argmax", "argmin",
      "argmin", "tr", "tr", "Tr", "Tr", "rank", "rank", "diag", "diag", "sgn", "sgn", "deg", "°",
      // text symbols
      "degree", "°", "textdegree", "°", "celsius", "°C", "degC", "°C", "angstrom", "Å", "AA", "Å",
      "S", "§", "P", "¶", "copyright", "©", "textcopyright", "©", "textregistered", "®", "texttrademark", "™",
      "pounds", "£", "textsterling", "£", "euro", "€", "texteuro", "€", "yen", "¥", "textyen", "¥", "textdollar",
      "$", "guillemotleft", "«", "guillemotright", "»", "guillemetleft", "«", "guillemetright", "»",
      "textendash", "–", "textemdash", "—", "textquotedblleft", "“", "textquotedblright", "”",
      "textquoteleft", "‘", "textquoteright", "’", "textquotesingle", "'", "textquotedbl", "\"",
      "textasciitilde", "~", "textasciicircum", "^", "textbackslash", "\\", "textbar", "|", "textless", "<",
      "textgreater", ">", "textbullet", "•", "textperiodcentered", "·", "textperthousand", "‰", "permil", "‰",
      "percent", "%", "textpercent", "%", "textunderscore", "_", "textbraceleft", "{", "textbraceright", "}",
      "textsection", "§", "textparagraph", "¶", "textdagger", "†", "textdaggerdbl", "‡", "texttimes", "×",
      "textpm", "±", "textonehalf", "½", "textonequarter", "¼", "textthreequarters", "¾", "textordfeminine", "ª",
      "textordmasculine", "º", "textexclamdown", "¡", "textquestiondown", "¿", "textellipsis", "…", "ldotp", ".",
      "cdotp", "·", "slash", "/", "lq", "‘", "rq", "’", "textrightarrow", "→", "and", "and",
      "eg", "e.g.", "ie", "i.e.", "etal", "et al.", "eps", "ε", "half", "1/2", "LaTeX", "LaTeX", "TeX", "TeX", "LaTeXe", "LaTeX2e", "BibTeX", "BibTeX", "AmS", "AMS"
    };
    for (int k = 0; k < symbols.length; k += 2) {
      SYMBOLS.put(symbols[k], symbols[k + 1]);
    }

    String[] mathAccents = {
      "hat", "\u0302", "widehat", "\u0302", "bar", "\u0304", "overline", "\u0304", "tilde", "\u0303",
      "widetilde", "\u0303", "vec", "\u20D7", "overrightarrow", "\u20D7", "dot", "\u0307", "ddot", "\u0308",
      "dddot", "\u20DB", "check", "\u030C", "breve", "\u0306", "acute", "\u0301", "grave", "\u0300", "mathring",
      "\u030A"
    };
    for (int k = 0; k < mathAccents.length; k += 2) {
      MATH_ACCENTS.put(mathAccents[k], mathAccents[k + 1].charAt(0));
    }
  }

  private static void accent(char name, char mark, String spacing) {
    ACCENT_MARKS.put(name, mark);
    SPACING_ACCENTS.put(name, spacing);
  }

  private TeX() {}

  /** The text with TeX accents, Greek letters and common macros as Unicode; {@code null} stays {@code null}. */
  public static String toUnicode(String text) {
    if (text == null) {
      return null;
    }
    boolean tex = false;
    boolean beyondLatin = false;
    for (int k = 0, n = text.length(); k < n; k++) {
      char c = text.charAt(k);
      if (c < 128) {
        if (TRIGGER[c] && (c != '\'' && c != '-' || k + 1 < n && text.charAt(k + 1) == c)) {
          tex = true;
          break;
        }
      } else if (c >= '\u0300') {
        beyondLatin = true;
      }
    }
    String result = tex ? new Converter(text).run() : text;
    if (tex || beyondLatin) {
      if (!Normalizer.isNormalized(result, Normalizer.Form.NFC)) {
        result = Normalizer.normalize(result, Normalizer.Form.NFC);
      }
    }
    return result;
  }

  /** One conversion: the source, the position in it, the output and whether the position is in math. */
  private static final class Converter {

    private final String s;
    private int i;
    private StringBuilder out;
    private boolean math;

    Converter(String s) {
      this.s = s;
      this.out = new StringBuilder(s.length());
    }

    String run() {
      convert(s.length(), false);
      return out.toString();
    }

    /**
     * Converts from {@code i} up to {@code limit}; inside a group ({@code inGroup}) stops after the closing brace.
     */
    private void convert(int limit, boolean inGroup) {
      while (i < limit) {
        int start = i;
        while (i < limit) {
          char c = s.charAt(i);
          if (c < 128 && SPECIAL[c]) {
            break;
          }
          i++;
        }
        if (i > start) {
          out.append(s, start, i);
        }
        if (i >= limit) {
          return;
        }
        char c = s.charAt(i);
        switch (c) {
          case '\\' -> backslash(limit);
          case '{' -> {
            i++;
            convert(limit, true);
          }
          case '}' -> {
            i++;
            if (inGroup) {
              return;
            }
          }
          case '$' -> dollar(limit);
          case '~' -> {
            // a tie is a space, but ~ after a slash is part of a web address
            out.append(i > 0 && s.charAt(i - 1) == '/' ? '~' : ' ');
            i++;
          }
          case '`' -> {
            if (!math && i + 1 < limit && s.charAt(i + 1) == '`') {
              out.append('“');
              i += 2;
            } else {
              out.append(math ? '`' : '‘');
              i++;
            }
          }
          case '\'' -> {
            if (!math && i + 1 < limit && s.charAt(i + 1) == '\'') {
              out.append('”');
              i += 2;
            } else {
              out.append('\'');
              i++;
            }
          }
          case '-' -> {
            if (!math && i + 1 < limit && s.charAt(i + 1) == '-') {
              if (i + 2 < limit && s.charAt(i + 2) == '-') {
                out.append('—');
                i += 3;
              } else {
                out.append('–');
                i += 2;
              }
            } else {
              out.append('-');
              i++;
            }
          }
          case '^', '_' -> script(c, limit);
          default -> { // '%', '&': kept as they are; arXiv text uses them literally
            out.append(c);
            i++;
          }
        }
      }
    }

    /** {@code $…$} or {@code $$…$$} is math whose delimiters go; a {@code $} without a partner is a dollar. */
    private void dollar(int limit) {
      boolean display = i + 1 < limit && s.charAt(i + 1) == '$';
      int open = display ? 2 : 1;
      int close = findClosingDollar(i + open, limit, display);
      boolean money = close >= 0 && !display && i + 1 < limit && Character.isDigit(s.charAt(i + 1))
          && close + 1 < limit && Character.isDigit(s.charAt(close + 1));
      if (close < 0 || money || math) {
        out.append(s, i, i + open);
        i += open;
        return;
      }
      i += open;
      math = true;
      while (i < close) {
        convert(close, false);
      }
      math = false;
      i = close + open;
    }

    private int findClosingDollar(int from, int limit, boolean display) {
      for (int k = from; k < limit; k++) {
        char c = s.charAt(k);
        if (c == '\\') {
          k++;
        } else if (c == '$') {
          if (!display) {
            return k;
          }
          if (k + 1 < limit && s.charAt(k + 1) == '$') {
            return k;
          }
          return -1;
        }
      }
      return -1;
    }

    /**
     * {@code ^} and {@code _}: a braced script loses its braces (in parentheses when it is more than one word),
     * {@code ^\circ} is a degree sign and {@code ^\prime} a prime; anything else is kept as written.
     */
    private void script(char c, int limit) {
      i++;
      if (i >= limit) {
        out.append(c);
        return;
      }
      char next = s.charAt(i);
      if (c == '_' && math && next >= '0' && next <= '9') {
        return; // a numeric subscript reads as plain digits: TiO$_2$ is TiO2, as searched for
      }
      if (next != '{' && next != '\\') {
        out.append(c);
        return;
      }
      String arg = readArgument(limit, false);
      if (arg == null) {
        out.append(c);
        return;
      }
      String stripped = arg.strip();
      if (c == '^' && stripped.equals("∘")) {
        out.append('°');
      } else if (c == '^' && (stripped.equals("′") || stripped.equals("'"))) {
        out.append('′');
      } else if (c == '^' && stripped.equals("′′")) {
        out.append("″");
      } else if (c == '_' && math && isDigits(stripped)) {
        out.append(stripped);
      } else if (next == '{' && !isSimple(stripped) && !isParenthesised(stripped)) {
        out.append(c).append('(').append(stripped).append(')');
      } else {
        out.append(c).append(stripped);
      }
    }

    private static boolean isDigits(String text) {
      if (text.isEmpty()) {
        return false;
      }
      for (int k = 0; k < text.length(); k++) {
        if (text.charAt(k) < '0' || text.charAt(k) > '9') {
          return false;
        }
      }
      return true;
    }

    /** One word or number (with an optional sign): needs no parentheses after {@code ^}, {@code _} or in a fraction. */
    private static boolean isSimple(String text) {
      if (text.isEmpty()) {
        return true;
      }
      int from = text.charAt(0) == '-' || text.charAt(0) == '+' || text.charAt(0) == '−' ? 1 : 0;
      for (int k = from; k < text.length(); k++) {
        char c = text.charAt(k);
        if (!Character.isLetterOrDigit(c) && c != '.' && c != ',' && c != '*' && c != '′'
            && Character.getType(c) != Character.NON_SPACING_MARK) {
          return text.codePointCount(0, text.length()) == 1;
        }
      }
      return true;
    }

    private void backslash(int limit) {
      if (i + 1 >= limit) {
        out.append('\\');
        i++;
        return;
      }
      char c = s.charAt(i + 1);
      if (isAsciiLetter(c)) {
        int start = i + 1;
        int end = start;
        while (end < limit && isAsciiLetter(s.charAt(end))) {
          end++;
        }
        i = end;
        word(s.substring(start, end), limit);
      } else {
        i += 2;
        symbol(c, limit);
      }
    }

    /** A control symbol: a backslash and one non-letter. */
    private void symbol(char c, int limit) {
      Character mark = ACCENT_MARKS.get(c);
      if (mark != null) {
        accent(c, mark, limit);
        return;
      }
      switch (c) {
        case '&', '%', '_', '#', '$', '{', '}' -> out.append(c);
        case ' ', '\n', '\t', '\r', ',', ';', ':', '>', '\\' -> out.append(' ');
        case '!', '-', '/', '@' -> {
          // negative thin space, discretionary hyphen, italic correction, end of sentence: nothing to show
        }
        case '(', '[' -> math = true;
        case ')', ']' -> math = false;
        case '|' -> out.append('‖');
        default -> out.append('\\').append(c);
      }
    }

    /** A control word: a backslash and letters, {@code i} already past them. */
    private void word(String name, int limit) {
      boolean wordInside = previousIsLetter(1);

      // a letter accent: \v{c}, \c c, \H{o}
      if (name.length() == 1) {
        Character mark = ACCENT_MARKS.get(name.charAt(0));
        if (mark != null && accentHasArgument(limit)) {
          accent(name.charAt(0), mark, limit);
          return;
        }
      }
      String letter = TEXT_LETTERS.get(name);
      if (letter != null) {
        out.append(letter);
        skipSpaceBeforeLetter(limit, wordInside || !name.equals("AA"));
        return;
      }
      // Mart\in-Pintado outside math is a misspelt Mart\'{\i}n, not an element sign
      if (!math && name.equals("in") && previousIsLetter(2)) {
        splitLetterPrefix(name);
        return;
      }
      String symbol = SYMBOLS.get(name);
      if (symbol != null) {
        boolean spaceBefore = out.isEmpty() || out.charAt(out.length() - 1) == ' ';
        out.append(symbol);
        if (math) {
          skipMathSpace(limit, isGreek(symbol) ? SpaceRule.BEFORE_WORD : spaceBefore ? SpaceRule.KEEP
              : SpaceRule.ALWAYS);
        }
        return;
      }
      if (DROP.contains(name)) {
        skipSpaces(limit);
        if (i < limit && s.charAt(i) == '.' && (name.startsWith("left") || name.startsWith("right"))) {
          i++; // \left. is an empty delimiter
        }
        return;
      }
      if (SPACES.contains(name)) {
        out.append(' ');
        skipSpaces(limit);
        return;
      }
      if (KEEP_ARGUMENT.contains(name)) {
        String arg = readArgument(limit, false);
        if (arg != null) {
          out.append(arg);
        }
        return;
      }
      if (KEEP_SECOND_ARGUMENT.contains(name)) {
        String first = readArgument(limit, false);
        String second = readArgument(limit, false);
        out.append(second != null ? second : first != null ? first : "");
        return;
      }
      if (DROP_WITH_ARGUMENT.contains(name)) {
        readArgument(limit, false);
        return;
      }
      Character mathMark = MATH_ACCENTS.get(name);
      if (mathMark != null) {
        String arg = readArgument(limit, false);
        if (arg != null) {
          out.append(arg);
          if (arg.codePointCount(0, arg.length()) == 1) {
            out.append(mathMark.charValue());
          }
        }
        return;
      }
      if (special(name, limit)) {
        return;
      }
      if (misspeltLetter(name, wordInside)) {
        return;
      }
      unknown(name, limit);
    }

    /** Macros with their own shape of output: fractions, roots, negation, Unicode code points, web addresses. */
    private boolean special(String name, int limit) {
      switch (name) {
        case "frac", "tfrac", "dfrac", "cfrac", "nicefrac", "sfrac" -> {
          String numerator = readArgument(limit, false);
          String denominator = readArgument(limit, false);
          if (numerator == null || denominator == null) {
            out.append(numerator == null ? "" : numerator);
            return true;
          }
          out.append(wrap(numerator.strip())).append('/').append(wrap(denominator.strip()));
          return true;
        }
        case "binom", "tbinom", "dbinom", "choose" -> {
          if (name.equals("choose")) {
            out.append(" choose ");
            return true;
          }
          String n = readArgument(limit, false);
          String k = readArgument(limit, false);
          out.append("C(").append(n == null ? "" : n.strip()).append(',').append(k == null ? "" : k.strip())
              .append(')');
          return true;
        }
        case "sqrt" -> {
          String index = readOptionalArgument(limit);
          String arg = readArgument(limit, false);
          out.append("3".equals(index) ? "∛" : "4".equals(index) ? "∜" : index != null ? index + "√" : "√");
          if (arg != null) {
            out.append(wrap(arg.strip()));
          }
          return true;
        }
        case "not" -> {
          String arg = readArgument(limit, false);
          if (arg == null || arg.isEmpty()) {
            out.append('¬');
          } else {
            out.append(arg).append(COMBINING_LONG_SOLIDUS);
          }
          return true;
        }
        case "unicode" -> {
          int mark = i;
          readOptionalArgument(limit);
          String arg = readArgument(limit, false);
          int cp = codePoint(arg);
          if (cp < 0) {
            i = mark;
            return false;
          }
          out.appendCodePoint(cp);
          return true;
        }
        case "url", "path", "nolinkurl" -> {
          if (i < limit && s.charAt(i) == '{') {
            int close = s.indexOf('}', i);
            if (close > 0 && close < limit) {
              out.append(s, i + 1, close);
              i = close + 1;
              return true;
            }
          }
          return false;
        }
        case "SI", "qty" -> {
          String value = readArgument(limit, false);
          String unit = readArgument(limit, false);
          out.append(value == null ? "" : value).append(' ').append(unit == null ? "" : unit);
          return true;
        }
        case "ket", "bra", "braket" -> {
          if (i >= limit || s.charAt(i) != '{') {
            return false;
          }
          String first = readArgument(limit, false);
          String second = name.equals("braket") && i < limit && s.charAt(i) == '{' ? readArgument(limit, false) : null;
          String inside = first == null ? "" : first.strip();
          if (second != null) {
            inside += "|" + second.strip();
          }
          out.append(name.equals("ket") ? "|" : "⟨").append(inside).append(name.equals("bra") ? "|" : "⟩");
          return true;
        }
        case "pmod" -> {
          String arg = readArgument(limit, false);
          out.append("(mod ").append(arg == null ? "" : arg.strip()).append(')');
          return true;
        }
        default -> {
          return false;
        }
      }
    }

    private static String wrap(String part) {
      return isSimple(part) || isParenthesised(part) ? part : "(" + part + ")";
    }

    /** Whether the text is one parenthesised whole, {@code (f)} but not {@code (a)(b)}. */
    private static boolean isParenthesised(String text) {
      if (text.length() < 2 || text.charAt(0) != '(' || text.charAt(text.length() - 1) != ')') {
        return false;
      }
      int depth = 0;
      for (int k = 0; k < text.length() - 1; k++) {
        char c = text.charAt(k);
        if (c == '(') {
          depth++;
        } else if (c == ')' && --depth == 0) {
          return false;
        }
      }
      return true;
    }

    private static int codePoint(String arg) {
      if (arg == null) {
        return -1;
      }
      String value = arg.strip();
      try {
        int cp;
        if (value.startsWith("x") || value.startsWith("X") || value.startsWith("U+") || value.startsWith("u+")) {
          cp = Integer.parseInt(value.substring(value.charAt(0) == 'x' || value.charAt(0) == 'X' ? 1 : 2), 16);
        } else {
          cp = Integer.parseInt(value);
        }
        return Character.isValidCodePoint(cp) && !Character.isISOControl(cp) ? cp : -1;
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    /**
     * Control words that arXiv authors misspell by running a letter macro into the rest of the word:
     * {@code J\orgensen}, {@code En\sslin}, {@code Kre\lowski}, {@code Matijevi\vc}, {@code \vZeljko},
     * {@code \Ostensen}. Only where the context shows a word is meant, so that custom macros such as {@code \ours}
     * stay as they are.
     */
    private boolean misspeltLetter(String name, boolean wordInside) {
      if (math) {
        return false;
      }
      if (wordInside) {
        String prefix = letterPrefix(name);
        if (prefix != null && isLower(name, prefix.length())) {
          out.append(TEXT_LETTERS.get(prefix)).append(name, prefix.length(), name.length());
          return true;
        }
      }
      char first = name.charAt(0);
      if (name.length() >= 2 && "uvHckr".indexOf(first) >= 0) {
        char second = name.charAt(1);
        boolean caronOrCedilla = first == 'v' && "cszrnCSZRNdtDTe".indexOf(second) >= 0
            || first == 'c' && "cCsStT".indexOf(second) >= 0
            || first == 'H' && "oOuU".indexOf(second) >= 0
            || first == 'k' && "aAeEiIoOuU".indexOf(second) >= 0
            || first == 'r' && "aAuU".indexOf(second) >= 0
            || first == 'u' && "aAgGeEoOuU".indexOf(second) >= 0;
        boolean capitalised = Character.isUpperCase(second) && name.length() > 2 && isLower(name, 2);
        if (caronOrCedilla && (previousIsLetter(2) && isLower(name, 2) && (name.length() == 2 || first != 'v' || second != 'e')
            || capitalised)) {
          out.append(second).append(ACCENT_MARKS.get(first).charValue()).append(name, 2, name.length());
          return true;
        }
      }
      if (!wordInside && name.length() > 2 && (first == 'O' || first == 'o')
          && "bcdfghjklmnpqrstvwxz".indexOf(name.charAt(1)) >= 0 && isLower(name, 1)) {
        out.append(TEXT_LETTERS.get(name.substring(0, 1))).append(name, 1, name.length());
        return true;
      }
      return false;
    }

    private void splitLetterPrefix(String name) {
      String prefix = letterPrefix(name);
      out.append(TEXT_LETTERS.get(prefix)).append(name, prefix.length(), name.length());
    }

    private static String letterPrefix(String name) {
      for (String prefix : TEXT_LETTER_PREFIXES) {
        if (name.startsWith(prefix)) {
          return prefix;
        }
      }
      return null;
    }

    private static boolean isLower(String name, int from) {
      for (int k = from; k < name.length(); k++) {
        if (!Character.isLowerCase(name.charAt(k))) {
          return false;
        }
      }
      return true;
    }

    /** A macro we do not know stays as written, with the braces of the arguments right after it. */
    private void unknown(String name, int limit) {
      out.append('\\').append(name);
      while (i < limit && s.charAt(i) == '{') {
        i++;
        out.append('{');
        convert(limit, true);
        if (s.charAt(i - 1) == '}') {
          out.append('}');
        }
      }
    }

    /** Whether the accent command just read has something to sit on (else {@code \c} may be a custom macro). */
    private boolean accentHasArgument(int limit) {
      int k = i;
      while (k < limit && s.charAt(k) == ' ') {
        k++;
      }
      if (k >= limit) {
        return false;
      }
      char c = s.charAt(k);
      return c == '{' || k > i && Character.isLetter(c) || c == '\\' && k + 1 < limit
          && (s.charAt(k + 1) == 'i' || s.charAt(k + 1) == 'j');
    }

    /** An accent: reads what it sits on and writes it with the combining mark. */
    private void accent(char name, char mark, int limit) {
      int start = i;
      String arg = readArgument(limit, true);
      if (arg == null || arg.isEmpty()) {
        out.append(SPACING_ACCENTS.get(name));
        if (arg == null) {
          i = start;
        }
        return;
      }
      int first = arg.codePointAt(0);
      int width = Character.charCount(first);
      if (!Character.isLetter(first)) {
        out.append(SPACING_ACCENTS.get(name)).append(arg);
        return;
      }
      if (name == 'r' && arg.equals("ho")) {
        out.append('ρ'); // \r{ho}: a \rho that some tool broke apart, seen in arXiv abstracts
        return;
      }
      if (first == 'ı') {
        first = 'i';
      } else if (first == 'ȷ') {
        first = 'j';
      }
      out.appendCodePoint(first).append(mark).append(arg, width, arg.length());
    }

    /**
     * The converted argument of a macro: a braced group, one control sequence or one character, after spaces;
     * {@code null} when there is none. In an accent ({@code accentArgument}) a control word that starts with a
     * letter macro ({@code \'\isica}) gives that letter and the rest of the word.
     */
    private String readArgument(int limit, boolean accentArgument) {
      skipSpaces(limit);
      if (i >= limit) {
        return null;
      }
      char c = s.charAt(i);
      if (c == '}' || c == '$' || c == '^' || c == '_' || c == '&') {
        return null;
      }
      StringBuilder saved = out;
      out = new StringBuilder();
      try {
        if (c == '{') {
          i++;
          convert(limit, true);
        } else if (c == '\\') {
          if (accentArgument && i + 1 < limit && isAsciiLetter(s.charAt(i + 1))) {
            int start = i + 1;
            int end = start;
            while (end < limit && isAsciiLetter(s.charAt(end))) {
              end++;
            }
            String name = s.substring(start, end);
            String prefix = letterPrefix(name);
            if (prefix != null && (prefix.equals("i") || prefix.equals("j") || !TEXT_LETTERS.containsKey(name)
                && !SYMBOLS.containsKey(name))) {
              i = end;
              out.append(TEXT_LETTERS.get(prefix)).append(name, prefix.length(), name.length());
              if (prefix.length() == name.length()) {
                skipSpaceBeforeLetter(limit, true);
              }
              return out.toString();
            }
          }
          backslash(limit);
        } else {
          int cp = s.codePointAt(i);
          i += Character.charCount(cp);
          out.appendCodePoint(cp);
        }
        return out.toString();
      } finally {
        out = saved;
      }
    }

    /** The {@code [n]} of {@code \sqrt[n]{x}}, or {@code null}. */
    private String readOptionalArgument(int limit) {
      skipSpaces(limit);
      if (i < limit && s.charAt(i) == '[') {
        int close = s.indexOf(']', i);
        if (close > 0 && close < limit) {
          String value = s.substring(i + 1, close).strip();
          i = close + 1;
          return value;
        }
      }
      return null;
    }

    private void skipSpaces(int limit) {
      while (i < limit && (s.charAt(i) == ' ' || s.charAt(i) == '\n' || s.charAt(i) == '\t')) {
        i++;
      }
    }

    /**
     * After a letter macro TeX swallows the space, as in {@code Bj\o rn}; we do so only inside a word and before a
     * lower-case letter, since {@code 5000 \AA\ line} and {@code Horme\ss and} mean the space.
     */
    private void skipSpaceBeforeLetter(int limit, boolean allowed) {
      if (!allowed || i >= limit || s.charAt(i) != ' ') {
        return;
      }
      int k = i;
      while (k < limit && s.charAt(k) == ' ') {
        k++;
      }
      if (k < limit && Character.isLowerCase(s.charAt(k)) && !isWordAt(k, "and", limit) && !isWordAt(k, "or", limit)
          && !isWordAt(k, "in", limit)) {
        i = k;
      }
    }

    private boolean isWordAt(int k, String word, int limit) {
      int end = k + word.length();
      return s.startsWith(word, k) && (end >= limit || !Character.isLetter(s.charAt(end)));
    }

    private enum SpaceRule { KEEP, BEFORE_WORD, ALWAYS }

    /**
     * TeX ignores the spaces after a control word in math; we drop them after a Greek letter that a letter or digit
     * follows ({@code $\Delta E$} is {@code ΔE}) and after a symbol that had no space before it ({@code $M\leq N$}
     * is {@code M≤N}), and keep them elsewhere ({@code $N \to \infty$} is {@code N → ∞}).
     */
    private void skipMathSpace(int limit, SpaceRule rule) {
      if (rule == SpaceRule.KEEP || i >= limit || s.charAt(i) != ' ') {
        return;
      }
      int k = i;
      while (k < limit && s.charAt(k) == ' ') {
        k++;
      }
      if (rule == SpaceRule.ALWAYS || k < limit && Character.isLetterOrDigit(s.charAt(k))) {
        i = k;
      }
    }

    private static boolean isGreek(String symbol) {
      return symbol.length() == 1 && symbol.charAt(0) >= '\u0370' && symbol.charAt(0) <= '\u03FF';
    }

    /** Whether the last {@code count} characters written are letters (or accents on letters). */
    private boolean previousIsLetter(int count) {
      int seen = 0;
      for (int k = out.length() - 1; k >= 0 && seen < count; k--) {
        char c = out.charAt(k);
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK) {
          continue;
        }
        if (!Character.isLetter(c)) {
          return false;
        }
        seen++;
      }
      return seen == count;
    }

    private static boolean isAsciiLetter(char c) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
  }
}
