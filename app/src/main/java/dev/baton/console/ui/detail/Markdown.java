package dev.baton.console.ui.detail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown (annotations, runbooks) as JavaFX nodes: paragraphs, headings, lists, quotes, code,
 * emphasis and links. HTML in the text is shown as text, never interpreted; links open through
 * the given handler.
 */
final class Markdown {

  /** Longest text rendered; an annotation is rarely a page, and a huge one must not stall the UI. */
  static final int MAX_CHARS = 20_000;

  private static final Parser PARSER = Parser.builder().build();

  private final Consumer<String> openLink;

  Markdown(Consumer<String> openLink) {
    this.openLink = openLink;
  }

  Node render(String markdown) {
    String text = markdown.length() > MAX_CHARS ? markdown.substring(0, MAX_CHARS) + "\n\n(cut at "
        + MAX_CHARS + " characters)" : markdown;
    VBox box = new VBox(6);
    box.getStyleClass().add("baton-markdown");
    blocks(PARSER.parse(text), box.getChildren());
    return box;
  }

  private void blocks(org.commonmark.node.Node parent, List<Node> into) {
    for (org.commonmark.node.Node block = parent.getFirstChild(); block != null; block = block.getNext()) {
      Node node = block(block);
      if (node != null) {
        into.add(node);
      }
    }
  }

  private Node block(org.commonmark.node.Node block) {
    if (block instanceof Paragraph) {
      return flow(block, "baton-md-p");
    }
    if (block instanceof Heading heading) {
      return flow(block, "baton-md-h" + Math.min(heading.getLevel(), 3));
    }
    if (block instanceof BulletList || block instanceof OrderedList) {
      VBox list = new VBox(2);
      int number = block instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
          ? ordered.getMarkerStartNumber() : 1;
      for (org.commonmark.node.Node item = block.getFirstChild(); item != null; item = item.getNext()) {
        if (item instanceof ListItem) {
          VBox content = new VBox(2);
          blocks(item, content.getChildren());
          Label marker = new Label(block instanceof OrderedList ? number++ + "." : "•");
          marker.setMinWidth(18);
          list.getChildren().add(new HBox(4, marker, content));
        }
      }
      return list;
    }
    if (block instanceof BlockQuote) {
      VBox quote = new VBox(4);
      quote.getStyleClass().add("baton-md-quote");
      blocks(block, quote.getChildren());
      return quote;
    }
    if (block instanceof FencedCodeBlock code) {
      return code(code.getLiteral());
    }
    if (block instanceof IndentedCodeBlock code) {
      return code(code.getLiteral());
    }
    if (block instanceof HtmlBlock html) {
      return code(html.getLiteral());
    }
    if (block instanceof ThematicBreak) {
      return new Separator();
    }
    return flow(block, "baton-md-p");
  }

  private static Node code(String literal) {
    Label code = new Label(literal.stripTrailing());
    code.getStyleClass().add("baton-md-code-block");
    code.setWrapText(true);
    return code;
  }

  private TextFlow flow(org.commonmark.node.Node block, String style) {
    List<Node> inlines = new ArrayList<>();
    inlines(block, inlines, "");
    TextFlow flow = new TextFlow(inlines.toArray(Node[]::new));
    flow.getStyleClass().add(style);
    return flow;
  }

  private void inlines(org.commonmark.node.Node parent, List<Node> into, String style) {
    for (org.commonmark.node.Node inline = parent.getFirstChild(); inline != null; inline = inline.getNext()) {
      if (inline instanceof org.commonmark.node.Text text) {
        into.add(text(text.getLiteral(), style));
      } else if (inline instanceof Code code) {
        into.add(text(code.getLiteral(), style + " baton-md-code"));
      } else if (inline instanceof Emphasis) {
        inlines(inline, into, style + " baton-md-em");
      } else if (inline instanceof StrongEmphasis) {
        inlines(inline, into, style + " baton-md-strong");
      } else if (inline instanceof Link link) {
        StringBuilder label = new StringBuilder();
        for (org.commonmark.node.Node part = link.getFirstChild(); part != null; part = part.getNext()) {
          if (part instanceof org.commonmark.node.Text t) {
            label.append(t.getLiteral());
          } else if (part instanceof Code c) {
            label.append(c.getLiteral());
          }
        }
        Hyperlink hyperlink = new Hyperlink(label.isEmpty() ? link.getDestination() : label.toString());
        hyperlink.setTooltip(new Tooltip(link.getDestination()));
        hyperlink.setOnAction(e -> openLink.accept(link.getDestination()));
        hyperlink.getStyleClass().add("baton-md-link");
        into.add(hyperlink);
      } else if (inline instanceof SoftLineBreak) {
        into.add(text(" ", style));
      } else if (inline instanceof HardLineBreak) {
        into.add(text("\n", style));
      } else if (inline instanceof HtmlInline html) {
        into.add(text(html.getLiteral(), style));
      } else {
        inlines(inline, into, style);
      }
    }
  }

  private static Text text(String literal, String style) {
    Text text = new Text(literal);
    text.getStyleClass().add("baton-md-text");
    for (String s : style.strip().split(" ")) {
      if (!s.isEmpty()) {
        text.getStyleClass().add(s);
      }
    }
    return text;
  }
}
