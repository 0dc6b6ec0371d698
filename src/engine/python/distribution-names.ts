// Bundled data for distributions.ts: import names, conda names, and packages used without an import.

/**
 * `module: distribution ...` for modules whose distribution is not simply their own name (with `_` read as `-`),
 * or that several distributions provide; the first distribution is the one to suggest. Conda names (`pytorch`,
 * `py-xgboost`) are listed where they differ, as declaring the module too.
 */
export const TABLE = `
sklearn: scikit-learn
skimage: scikit-image
skopt: scikit-optimize
sksurv: scikit-survival
skmultilearn: scikit-multilearn
cv2: opencv-python opencv-python-headless opencv-contrib-python opencv-contrib-python-headless opencv py-opencv
yaml: PyYAML pyyaml-include
PIL: Pillow pillow-simd
bs4: beautifulsoup4
dateutil: python-dateutil
dotenv: python-dotenv
attr: attrs
jwt: PyJWT
Crypto: pycryptodome pycrypto
Cryptodome: pycryptodomex
serial: pyserial
MySQLdb: mysqlclient
psycopg2: psycopg2 psycopg2-binary
psycopg: psycopg psycopg-binary
torch: torch pytorch
tensorflow: tensorflow tensorflow-cpu tensorflow-gpu tf-nightly tensorflow-macos tensorflow-intel tensorflow-aarch64 intel-tensorflow
tensorflow_datasets: tensorflow-datasets tfds-nightly
tensorflow_serving: tensorflow-serving-api tensorflow-serving-api-gpu
hydra: hydra-core
faiss: faiss-cpu faiss-gpu faiss-gpu-cu11 faiss-gpu-cu12 faiss
google.protobuf: protobuf
google.auth: google-auth
google.oauth2: google-auth
google.api_core: google-api-core
googleapiclient: google-api-python-client
google.generativeai: google-generativeai
google.genai: google-genai
google.cloud.aiplatform: google-cloud-aiplatform
grpc: grpcio
grpc_tools: grpcio-tools
OpenSSL: pyOpenSSL
magic: python-magic
Levenshtein: python-Levenshtein levenshtein
fitz: PyMuPDF
docx: python-docx
pptx: python-pptx
telegram: python-telegram-bot
slugify: python-slugify
jose: python-jose
multipart: python-multipart
xgboost: xgboost py-xgboost
mpl_toolkits.basemap: basemap
mpl_toolkits: matplotlib
pkg_resources: setuptools
Bio: biopython
rdkit: rdkit rdkit-pypi
OpenGL: PyOpenGL
gi: PyGObject
wx: wxPython
zmq: pyzmq
usb: pyusb
win32api: pywin32
win32con: pywin32
win32com: pywin32
pythoncom: pywin32
pywintypes: pywin32
fasttext: fasttext fasttext-wheel
igraph: igraph python-igraph
umap: umap-learn
mlflow: mlflow mlflow-skinny
neptune: neptune neptune-client
haiku: dm-haiku
tree: dm-tree
Box2D: box2d-py box2d
onnxruntime: onnxruntime onnxruntime-gpu onnxruntime-directml onnxruntime-silicon
hummingbird: hummingbird-ml
kafka: kafka-python
absl: absl-py
weaviate: weaviate-client
pinecone: pinecone pinecone-client
_pytest: pytest
mmcv: mmcv mmcv-full
darts: darts u8darts
imblearn: imbalanced-learn
fuzzywuzzy: fuzzywuzzy thefuzz
pynvml: pynvml nvidia-ml-py
speech_recognition: SpeechRecognition
git: GitPython
github: PyGithub
nacl: PyNaCl
docopt: docopt docopt-ng
gin: gin-config
factory: factory-boy
vcr: vcrpy
dns: dnspython
socketio: python-socketio
engineio: python-engineio
rest_framework: djangorestframework
corsheaders: django-cors-headers
debug_toolbar: django-debug-toolbar
environ: django-environ
crispy_forms: django-crispy-forms
storages: django-storages
xdist: pytest-xdist
bluetooth: PyBluez
discord: discord.py
slack: slackclient
_mysql: mysqlclient
mysql: mysql-connector-python
bson: pymongo
gridfs: pymongo
cassandra: cassandra-driver
impala: impyla
snowflake: snowflake-connector-python
paddle: paddlepaddle paddlepaddle-gpu
tvm: apache-tvm
ot: POT
pyro: pyro-ppl
z3: z3-solver
ee: earthengine-api
pdfminer: pdfminer.six
camelot: camelot-py
tabula: tabula-py
fpdf: fpdf2 fpdf
odf: odfpy
websocket: websocket-client
socks: PySocks
progressbar: progressbar2
wandb_gql: wandb
lightning_fabric: lightning-fabric lightning
azureml: azureml-core azureml-sdk
opentelemetry: opentelemetry-api opentelemetry-sdk
`;

/** Common modules whose distribution has their own name; listed so that they count as known, not guessed. */
export const SAME_NAME = `
numpy pandas scipy matplotlib seaborn plotly bokeh altair statsmodels sympy networkx polars pyarrow dask numba numexpr
bottleneck h5py xarray zarr requests httpx aiohttp urllib3 certifi boto3 botocore s3fs gcsfs fsspec redis pymongo
elasticsearch pika celery fastapi uvicorn starlette pydantic gradio streamlit bentoml click typer rich tqdm loguru
tabulate colorama termcolor fire packaging toml tomli tomlkit regex ftfy emoji joblib cloudpickle dill tiktoken openai
anthropic langchain chromadb pytest hypothesis mock nose ipywidgets ipykernel nbformat nbconvert notebook sh pexpect
psutil docker paramiko fabric imutils imageio moviepy pydub librosa geopandas rasterio pyproj folium wordcloud
textblob prophet pmdarima sktime tsfresh mlxtend xlrd openpyxl pyxlsb zstandard lz4 rapidfuzz kaggle gdown dateparser
pytz tzlocal arrow pendulum selenium playwright pygame pyglet jsonschema marshmallow simplejson ujson orjson msgpack
humanize tenacity backoff retrying cachetools diskcache pyodbc oracledb deepspeed bitsandbytes xformers triton vllm
sacremoses sacrebleu jiwer wget tensorrt pycuda skorch findspark cython pybind11 jsonlines pyaml six wrapt filelock
platformdirs distro chardet idna cffi cryptography bcrypt pyparsing cycler kiwisolver pillow_heif pycocotools
ultralytics detectron2 mmdet pybullet mujoco dm_control pettingzoo nbclient jupytext papermill voila sqlmodel alembic
peewee flask_sqlalchemy gunicorn waitress werkzeug itsdangerous httplib2 oauthlib boto minio pynput pyautogui keyboard
mouse pyperclip schedule apscheduler croniter watchdog invoke nox tox black isort flake8 pylint mypy ruff coverage
sphinx mkdocs twine wheel build virtualenv pipenv poetry uv hatchling flit_core setuptools_scm versioneer dvc_objects
evidently great_expectations pandera deepchecks alibi seldon_core kserve mlserver tritonclient torchserve sentry_sdk
prometheus_client structlog hydra_zen pyrallis jsonargparse simple_parsing ml_collections tyro einx jaxtyping beartype
typeguard lightgbm xgboost catboost ruamel.yaml attrs pymysql torchvision torchaudio torchtext torchmetrics
torch_geometric torch_scatter torch_sparse tensorflow_hub tensorflow_addons tensorflow_probability tensorflow_text
tensorflow_io tensorflow_model_optimization tensorflow_transform tensorboard tensorboardX tflite_runtime tf_keras
keras keras_tuner keras_core keras_nlp keras_cv lightning pytorch_lightning lightning_utilities omegaconf
sentencepiece google_auth_oauthlib setuptools sentence_transformers huggingface_hub transformers datasets evaluate
accelerate peft trl diffusers tokenizers safetensors timm einops albumentations imgaug kornia dgl spacy nltk gensim
jieba hdbscan shap lime optuna ray hyperopt dvc dvclive comet_ml clearml aim wandb jax jaxlib flax optax gym gymnasium
stable_baselines3 ale_py onnx onnxconverter_common skl2onnx tf2onnx openvino optimum neural_compressor
intel_extension_for_pytorch cupy cudf cuml cugraph tables netCDF4 smart_open sqlalchemy confluent_kafka flask django
jinja2 markupsafe more_itertools typing_extensions unidecode langchain_core langchain_community langchain_openai
llama_index qdrant_client IPython jupyter_client efficientnet_pytorch segmentation_models_pytorch pretrainedmodels
shapely fiona vaderSentiment fbprophet category_encoders xlsxwriter brotli thefuzz scrapy cerberus GPUtil flash_attn
rouge_score bert_score pytorch_tabnet pyspark cx_Oracle sounddevice soundfile pyaudio lxml markdown pygments
pydantic_settings pyhive charset_normalizer importlib_metadata importlib_resources prompt_toolkit alive_progress
sklearn_pandas av mpi4py tensorflow_estimator keras_preprocessing opt_einsum
`;

/**
 * Distributions a project needs without importing them: command-line tools and servers, notebook front ends,
 * engines and drivers other libraries load by name (pandas' Excel and Parquet engines, SQLAlchemy drivers, Keras'
 * plot and save helpers), plugins found through entry points, build tools, stubs, and pins that only constrain a
 * transitive dependency.
 */
export const USED_WITHOUT_IMPORT: ReadonlySet<string> = new Set(`
pip setuptools wheel build twine virtualenv pipenv poetry uv pip-tools tox nox pre-commit black ruff isort flake8
pylint mypy autopep8 yapf bandit coverage pytest pyright pydocstyle docformatter codespell commitizen bump2version
jupyter jupyterlab notebook ipykernel ipython ipywidgets widgetsnbextension nbconvert nbformat nbdime jupytext papermill
voila nbstripout matplotlib-inline qtconsole ipyparallel gunicorn uvicorn hypercorn waitress daphne supervisor
dvc tensorboard protobuf grpcio accelerate sentencepiece tokenizers safetensors bitsandbytes xformers flash-attn triton
openpyxl xlrd xlsxwriter xlwt odfpy pyxlsb pyarrow fastparquet tables numexpr bottleneck psycopg2 psycopg2-binary
psycopg psycopg-binary pymysql mysqlclient mysql-connector-python cx-oracle oracledb pyodbc asyncpg aiosqlite h5py
pillow pydot pydotplus kaleido cython pybind11 ninja cmake scikit-build scikit-build-core swig meson gdown kaggle awscli
box2d-py box2d ale-py autorom atari-py pygame moviepy certifi urllib3 idna charset-normalizer chardet six
typing-extensions pyparsing cffi cryptography jaxlib tensorboard-plugin-profile tensorboard-data-server
tensorflow-estimator tensorflow-io-gcs-filesystem keras-preprocessing lit nvidia-ml-py whitenoise asgiref sqlparse
`.split(/\s+/).filter((n) => n !== ''));

/** Name prefixes of plugin and tool families that are never imported by name (`pytest-cov`, `types-requests`). */
export const USED_WITHOUT_IMPORT_PREFIXES: readonly string[] = [
  'pytest-', 'types-', 'flake8-', 'pylint-', 'mypy-', 'sphinx', 'mkdocs', 'jupyter', 'jupyterlab-', 'ipython-', 'nbsphinx',
  'nvidia-', 'dvc-', 'hydra-', 'django-', 'dj-', 'tensorboard-', 'pre-commit-', 'black-', 'ruff-', 'pandas-stubs', 'django-stubs',
];

/** Conda packages that hold programs or C libraries, not Python modules (`graphviz` in conda is the dot binary). */
export const CONDA_NON_PYTHON: ReadonlySet<string> = new Set(`
python pip cudatoolkit cudnn nccl mkl mkl-service mkl_fft mkl_random blas openblas ffmpeg graphviz nodejs git git-lfs
make cmake gcc gxx compilers cxx-compiler c-compiler openjdk pytorch-cuda cpuonly ca-certificates openssl zlib tk xz
sqlite ninja swig libgcc-ng libstdcxx-ng libffi ncurses readline bzip2 curl wget unzip zip rust gfortran cuda
cuda-toolkit cuda-nvcc pandoc tesseract poppler imagemagick portaudio libsndfile hdf5 gdal geos proj
`.split(/\s+/).filter((n) => n !== ''));

/** Conda package names that differ from the PyPI distribution of the same library. */
export const CONDA_TO_PYPI: ReadonlyMap<string, string> = new Map([
  ['pytorch', 'torch'], ['pytorch-cpu', 'torch'], ['pytorch-gpu', 'torch'], ['py-xgboost', 'xgboost'], ['py-xgboost-cpu', 'xgboost'],
  ['py-xgboost-gpu', 'xgboost'], ['py-opencv', 'opencv-python'], ['libopencv', 'opencv-python'], ['python-graphviz', 'graphviz'],
  ['matplotlib-base', 'matplotlib'], ['py-lightgbm', 'lightgbm'], ['tensorflow-base', 'tensorflow'], ['pytables', 'tables'],
  ['faiss-cpu', 'faiss-cpu'], ['lightning-utilities', 'lightning-utilities'],
]);

