package dev.pipewright.canvas.icons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.canvas.icons.IconShape.Type;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The loader accepts the documented subset and refuses everything else with file, line and fix. */
class SvgSubsetTest {

  @BeforeAll
  static void startToolkit() throws Exception {
    Fx.start();
  }

  private static SvgSubset.Parsed parse(String body) {
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\">\n" + body + "\n</svg>";
    return SvgSubset.parse("icons/test.svg", new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "<text x='1' y='2'>hi</text>                  | <text> is not in the icon SVG subset",
      "<path d='M1,1 T5,5'/>                         | outside M L H V C S Q A Z (found \"T\")",
      "<rect width='2' height='2' transform='rotate(45)'/> | use only translate(x,y) and scale(s)",
      "<rect width='2' height='2' style='fill:red'/>  | attribute style on <rect> is not in the icon SVG subset",
      "<circle r='2' fill='url(#g)'/>                | is not a colour of the subset",
      "<rect width='2px' height='2'/>                | must be a plain number (no units)",
      "<circle cx='3'/>                              | <circle> needs the attribute r",
      "<g><use href='#a'/></g>                       | <use> is not in the icon SVG subset",
  })
  void refusesWhatIsOutsideTheSubsetNamingFileAndLine(String body, String message) {
    assertThatThrownBy(() -> parse(body.replace('\'', '"'))).isInstanceOf(IconFormatException.class)
        .hasMessageStartingWith("icons/test.svg line 2: ").hasMessageContaining(message);
  }

  @Test
  void refusesDoctypesSoNoEntityIsEverExpanded() {
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"><title>&x;</title><rect width=\"1\" height=\"1\"/></svg>";
    assertThatThrownBy(() -> SvgSubset.parse("icons/evil.svg", new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IconFormatException.class)
        .hasMessage("icons/evil.svg line 2: a DOCTYPE is not allowed in icon files; delete it");
  }

  @Test
  void refusesMarkupThatIsNotXml() {
    assertThatThrownBy(() -> parse("<rect width='1' height='1'>".replace('\'', '"')))
        .isInstanceOf(IconFormatException.class).hasMessageContaining("icons/test.svg").hasMessageContaining("not well-formed");
  }

  @Test
  void groupsPassStyleAndTransformsDownToShapes() {
    SvgSubset.Parsed p = parse("<g fill=\"#ff0000\" stroke=\"#00ff00\" stroke-width=\"2\" opacity=\"0.5\" "
        + "transform=\"translate(10,20) scale(2)\"><rect x=\"1\" y=\"1\" width=\"2\" height=\"2\" opacity=\"0.5\"/></g>");
    IconShape rect = p.shapes().get(0);
    assertThat(rect.type()).isEqualTo(Type.RECT);
    assertThat(rect.style().fill()).isEqualTo(Color.RED);
    assertThat(rect.style().stroke()).isEqualTo(Color.LIME);
    assertThat(rect.style().strokeWidth()).isEqualTo(2);
    assertThat(rect.style().opacity()).isEqualTo(0.25);
    assertThat(rect.transform()).isEqualTo(new IconShape.Transform(2, 2, 10, 20));
  }

  @Test
  void translatedAndScaledShapesLandWhereABrowserWouldDrawThem() throws Exception {
    // A 2x2 square at (1,1), scaled by 2 then moved by (10,12): it covers 12..16 x 14..18 of 24.
    SvgSubset.Parsed p = parse("<g transform=\"translate(10,12) scale(2)\"><rect x=\"1\" y=\"1\" width=\"2\" "
        + "height=\"2\" fill=\"#000000\"/></g>");
    WritableImage img = Fx.call(() -> Fx.render(new Icon("icons/test.svg", p), 24, 0));
    PixelReader r = img.getPixelReader();
    assertThat(r.getColor(13, 15).getOpacity()).isEqualTo(1.0);
    assertThat(r.getColor(15, 17).getOpacity()).isEqualTo(1.0);
    assertThat(r.getColor(11, 15).getOpacity()).isZero();
    assertThat(r.getColor(16, 15).getOpacity()).isZero();
    assertThat(r.getColor(13, 13).getOpacity()).isZero();
  }

  @Test
  void evenOddFillRuleCutsHoles() throws Exception {
    SvgSubset.Parsed p = parse("<path fill=\"#000000\" fill-rule=\"evenodd\" d=\"M2,2 H22 V22 H2 Z M8,8 H16 V16 H8 Z\"/>");
    WritableImage img = Fx.call(() -> Fx.render(new Icon("icons/test.svg", p), 24, 0));
    assertThat(img.getPixelReader().getColor(4, 4).getOpacity()).isEqualTo(1.0);
    assertThat(img.getPixelReader().getColor(12, 12).getOpacity()).isZero();
  }
}
