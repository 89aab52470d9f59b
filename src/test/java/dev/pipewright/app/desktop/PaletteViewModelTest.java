package dev.pipewright.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.desktop.palette.PaletteViewModel;
import dev.pipewright.model.Category;
import dev.pipewright.model.NodeKind;
import org.junit.jupiter.api.Test;

class PaletteViewModelTest {

  @Test
  void showsEveryKindGroupedWithSourcesFirst() {
    PaletteViewModel vm = new PaletteViewModel();

    assertThat(vm.visibleKinds()).containsExactlyInAnyOrder(NodeKind.values());
    assertThat(vm.groupsProperty().get().keySet()).first().isEqualTo(Category.SOURCE);
  }

  @Test
  void filterMatchesEveryWordInLabelOrDescription() {
    PaletteViewModel vm = new PaletteViewModel();

    vm.filterProperty().set("sql");
    assertThat(vm.visibleKinds()).contains(NodeKind.POSTGRES, NodeKind.MYSQL, NodeKind.SQLSERVER)
        .doesNotContain(NodeKind.REDIS);

    vm.filterProperty().set("search index");
    assertThat(vm.visibleKinds()).containsExactlyInAnyOrder(NodeKind.ELASTICSEARCH, NodeKind.OPENSEARCH);

    vm.filterProperty().set("nothing-like-this");
    assertThat(vm.groupsProperty().get()).isEmpty();
  }
}
