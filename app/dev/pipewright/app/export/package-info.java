/** The desktop's export dialog: choose formats and a folder, preview the files, write them through the exporters. */
package dev.pipewright.app.export;
